using Pipelines.Engine;
using Pipelines.Sync.Diff;
using Pipelines.Yaml.Records;

namespace Pipelines.Sync;

/// <summary>
/// <c>helmfile/sync.yaml</c>: Sync's own settings, for now the <c>ignoreDifferences</c> rules (Argo CD's shape:
/// group, kind, name, namespace, jsonPointers), e.g. <c>/spec/replicas</c> of Deployments an HPA scales.
/// </summary>
internal static class SyncConfig
{
    public const string RelativePath = "helmfile/sync.yaml";

    public static IReadOnlyList<IgnoreDifferencesRule> Load(AbsolutePath root)
    {
        var path = root / RelativePath;
        return path.FileExists ? Parse(File.ReadAllText(path), RelativePath) : [];
    }

    /// <summary>Parses the file's text; <paramref name="file"/> names it in errors.</summary>
    public static IReadOnlyList<IgnoreDifferencesRule> Parse(string text, string file)
    {
        var read = RecordReader.Read<SyncDocument>(text, file);
        return (read.Root.IgnoreDifferences ?? [])
            .Select(rule =>
                string.IsNullOrWhiteSpace(rule.Kind)
                    ? throw read.Problem(
                        rule,
                        "kind",
                        "an ignoreDifferences rule needs a kind, e.g. Deployment (or * for any kind)."
                    )
                    : new IgnoreDifferencesRule(
                        rule.Group,
                        rule.Kind,
                        rule.Name,
                        rule.Namespace,
                        rule.JsonPointers ?? []
                    )
            )
            .ToList();
    }
}

/// <summary>The shape of helmfile/sync.yaml, as <see cref="RecordReader"/> reads it.</summary>
internal sealed record SyncDocument
{
    public IReadOnlyList<IgnoreDifferencesEntry>? IgnoreDifferences { get; init; }
}

/// <summary>One ignoreDifferences rule, in Argo CD's field names.</summary>
internal sealed record IgnoreDifferencesEntry
{
    public string? Group { get; init; }
    public required string Kind { get; init; }
    public string? Name { get; init; }
    public string? Namespace { get; init; }
    public IReadOnlyList<string>? JsonPointers { get; init; }
}
