using Pipelines.Engine;
using Pipelines.Helmfile.Manifests;
using Pipelines.Text;

namespace Pipelines.Helmfile.Rendering;

/// <summary>
/// Writes a render under <c>.nuke/temp/rendered</c>: <c>&lt;env&gt;/&lt;cluster&gt;/&lt;namespace&gt;/&lt;release&gt;.yaml</c> per
/// release and <c>&lt;env&gt;/&lt;cluster&gt;.yaml</c>, the combined stream in <c>needs</c> order. Each cluster's folder is
/// built beside the old one and swapped in whole. Reports what changed against the previous render.
/// </summary>
internal static class RenderOutput
{
    public sealed record Change(string Path, string Kind, string Diff);

    /// <param name="renderedRoot">The rendered/ folder.</param>
    /// <param name="result">The render.</param>
    /// <param name="complete">True when every carried release was rendered (no selector): files of releases no longer carried are removed.</param>
    /// <param name="write">False for a dry comparison (<c>--diff</c> still reports).</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    public static async Task<IReadOnlyList<Change>> WriteAsync(
        AbsolutePath renderedRoot,
        RenderResult result,
        bool complete,
        bool write,
        CancellationToken cancellationToken
    )
    {
        var changes = new List<Change>();
        foreach (var cluster in result.Clusters)
        {
            var folder = renderedRoot / result.Environment / cluster.Cluster.Name;
            var previous = Read(renderedRoot, folder);
            var next = complete
                ? new Dictionary<string, string>()
                : new Dictionary<string, string>(previous);
            foreach (var release in cluster.Releases)
            {
                next[release.RelativePath] = release.Yaml;
            }
            var clusterChanges = Compare(previous, next).ToList();
            changes.AddRange(clusterChanges);
            var combinedPath = renderedRoot / result.Environment / $"{cluster.Cluster.Name}.yaml";
            var combined = Combined(cluster, next, result.Environment);
            // An unchanged cluster is left alone: a warm render writes nothing.
            var unchanged =
                clusterChanges.Count == 0
                && combinedPath.FileExists
                && File.ReadAllText(combinedPath) == combined;
            if (write && !unchanged)
            {
                await SwapAsync(renderedRoot, folder, next, cancellationToken);
                await AtomicFile.WriteAllTextAsync(combinedPath, combined, cancellationToken);
            }
        }
        return changes;
    }

    private static Dictionary<string, string> Read(
        AbsolutePath renderedRoot,
        AbsolutePath folder
    ) =>
        folder.DirectoryExists
            ? Directory
                .EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories)
                .ToDictionary(
                    f => AbsolutePath.Create(f).RelativeTo(renderedRoot),
                    File.ReadAllText
                )
            : [];

    private static IEnumerable<Change> Compare(
        Dictionary<string, string> previous,
        Dictionary<string, string> next
    )
    {
        foreach (var path in previous.Keys.Union(next.Keys).Order(StringComparer.Ordinal))
        {
            var before = previous.GetValueOrDefault(path);
            var after = next.GetValueOrDefault(path);
            if (before == after)
            {
                continue;
            }
            var kind =
                before is null ? "added"
                : after is null ? "removed"
                : "changed";
            // The diff reaches the console, --diff-file and the pull-request comment: never a Secret's values.
            var (shownBefore, shownAfter) = SecretRedaction.Redact(before ?? "", after ?? "");
            yield return new Change(
                path,
                kind,
                UnifiedDiff.Create(shownBefore, shownAfter, $"a/{path}", $"b/{path}")
            );
        }
    }

    /// <summary>The new folder is complete before the old one goes, so a failure leaves the previous render.</summary>
    private static async Task SwapAsync(
        AbsolutePath renderedRoot,
        AbsolutePath folder,
        Dictionary<string, string> files,
        CancellationToken cancellationToken
    )
    {
        var staging = AbsolutePath.Create($"{folder.Value}.staging-{Guid.NewGuid():N}");
        foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var target = AbsolutePath.Create(
                Path.Combine(staging, Path.GetRelativePath(folder.RelativeTo(renderedRoot), path))
            );
            Directory.CreateDirectory(target.Parent!);
            await File.WriteAllTextAsync(target, content, cancellationToken);
        }
        Directory.CreateDirectory(staging);
        var retired = AbsolutePath.Create($"{folder.Value}.old-{Guid.NewGuid():N}");
        if (folder.DirectoryExists)
        {
            Directory.Move(folder, retired);
        }
        Directory.Move(staging, folder);
        if (retired.DirectoryExists)
        {
            Directory.Delete(retired, recursive: true);
        }
    }

    private static string Combined(
        ClusterRender cluster,
        Dictionary<string, string> files,
        string environment
    ) =>
        string.Concat(
            cluster
                .Carried.Select(r =>
                    $"{environment}/{cluster.Cluster.Name}/{r.Namespace ?? "default"}/{r.Name}.yaml"
                )
                .Where(files.ContainsKey)
                .Select(path => files[path])
        );
}
