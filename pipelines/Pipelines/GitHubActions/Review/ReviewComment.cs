using System.Text;
using Pipelines.Clusters;
using Pipelines.Text;

namespace Pipelines.GitHubActions.Review;

/// <summary>
/// The Helmfile review comment: a table with one row per live cluster (no change, what changed, or no diff because
/// the render failed), then each cluster's unified diff in a collapsed block.
/// </summary>
internal static class ReviewComment
{
    /// <summary>The hidden first line that makes the comment the same one on every push.</summary>
    public const string Marker = "pipelines:helmfile-review";

    /// <param name="clusters">The clusters the review rendered, in clusters.yaml's order.</param>
    /// <param name="diffs">Each cluster's diff text by cluster name; a cluster missing here had no diff written.</param>
    /// <param name="runUrl">The workflow run, linked for the logs (null outside GitHub Actions).</param>
    public static string Markdown(
        IReadOnlyList<ClusterDefinition> clusters,
        IReadOnlyDictionary<string, string> diffs,
        string? runUrl
    )
    {
        var text = new StringBuilder("### Helmfile review\n\n");
        text.Append(
            "What merging this pull request changes in the rendered manifests of each live cluster "
                + "(RenderHelmfile at the base, then `--diff` at the merge commit, with the removed-API check).\n\n"
        );
        var table = TextTable.Of(
            ["cluster", "environment", "rendered manifests"],
            clusters
                .Select(cluster =>
                    (IReadOnlyList<string>)
                        [
                            $"`{cluster.Name}`",
                            cluster.Environment,
                            diffs.TryGetValue(cluster.Name, out var diff)
                                ? Summary(diff)
                                : "**no diff: the render failed**"
                                    + (runUrl is null ? "" : $" ([log]({runUrl}))"),
                        ]
                )
                .ToList()
        );
        foreach (var line in table.Markdown())
        {
            text.Append(line).Append('\n');
        }
        foreach (var cluster in clusters)
        {
            if (diffs.TryGetValue(cluster.Name, out var diff) && diff.Length > 0)
            {
                var fence = Fence(diff);
                text.Append(
                    $"\n<details><summary><code>{cluster.Name}</code>: {Summary(diff)}</summary>\n\n"
                        + $"{fence}diff\n{diff.TrimEnd('\n')}\n{fence}\n\n</details>\n"
                );
            }
        }
        return text.ToString();
    }

    /// <summary>"no change", or "2 files (+10 −3)".</summary>
    public static string Summary(string diff)
    {
        if (diff.Length == 0)
        {
            return "no change";
        }
        var lines = diff.Split('\n');
        var files = lines.Count(l => l.StartsWith("+++ ", StringComparison.Ordinal));
        var added = lines.Count(l =>
            l.StartsWith('+') && !l.StartsWith("+++ ", StringComparison.Ordinal)
        );
        var removed = lines.Count(l =>
            l.StartsWith('-') && !l.StartsWith("--- ", StringComparison.Ordinal)
        );
        return $"{files} file{(files == 1 ? "" : "s")} (+{added} −{removed})";
    }

    /// <summary>A code fence longer than any run of backticks in the diff, so a manifest cannot close it early.</summary>
    private static string Fence(string diff)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in diff)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return new string('`', Math.Max(3, longest + 1));
    }
}
