using System.Text.Json;
using Json.Schema;
using Pipelines.Helmfile.Values;
using Pipelines.Sync.Diff;

namespace Pipelines.Tests.Clusters;

/// <summary>
/// eksctl's published JSON schema of ClusterConfig (draft-07), from the shared reference folder beside the repository
/// (<c>../shared/reference/</c>; a worktree nested deeper finds the nearest <c>shared/reference</c> above it).
/// </summary>
internal static class ClusterConfigSchema
{
    public const string FileName = "eksctl-clusterconfig-v1alpha5.schema.json";

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Locate()))
    );

    /// <summary>The schema file; fails naming where it was looked for when it is absent.</summary>
    public static string Locate()
    {
        var looked = new List<string>();
        for (
            var directory = Directory.GetParent(RepositoryRoot.Path);
            directory is not null;
            directory = directory.Parent
        )
        {
            var candidate = Path.Combine(directory.FullName, "shared", "reference", FileName);
            looked.Add(candidate);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException(
            $"eksctl's ClusterConfig schema is missing. The tests read it from ../shared/reference/{FileName} "
                + $"beside the repository root ({RepositoryRoot.Path}). Looked at:\n  "
                + string.Join("\n  ", looked)
        );
    }

    /// <summary>Every schema error of a ClusterConfig YAML text, converted to JSON as eksctl does; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string yaml)
    {
        var json = JsonData.ToJson(YamlData.ParseMapping(yaml, "ClusterConfig"));
        using var document = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(
            document.RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List }
        );
        if (result.IsValid)
        {
            return [];
        }
        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d =>
                d.Errors!.Select(e =>
                    $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"
                )
            )
            .DefaultIfEmpty("invalid, without details")
            .ToList();
    }
}
