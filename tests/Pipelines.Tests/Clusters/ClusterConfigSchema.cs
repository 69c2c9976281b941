using System.Text.Json;
using Json.Schema;
using Pipelines.Sync.Diff;
using Pipelines.TestServers;
using Pipelines.Yaml.Data;

namespace Pipelines.Tests.Clusters;

/// <summary>
/// eksctl's published JSON schema of ClusterConfig (draft-07): the repository's copy in <c>Reference/</c> beside this
/// file, with its origin and licence (refreshed by <c>./build.sh UpdateEksctlSchema</c>).
/// </summary>
internal static class ClusterConfigSchema
{
    /// <summary>The repository's copy of the schema.</summary>
    public static string Path { get; } =
        System.IO.Path.Combine(
            RepositoryRoot.Path,
            EksctlSchemaUpdate.RelativeDirectory,
            EksctlSchemaUpdate.FileName
        );

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path))
    );

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
