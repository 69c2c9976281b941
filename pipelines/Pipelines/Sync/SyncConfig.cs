using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Sync.Diff;
using Pipelines.Yaml.Data;

namespace Pipelines.Sync;

/// <summary>
/// <c>helmfile/sync.yaml</c>: Sync's own settings, for now the <c>ignoreDifferences</c> rules (Argo CD's shape:
/// group, kind, name, namespace, jsonPointers), e.g. <c>/spec/replicas</c> of Deployments an HPA scales.
/// </summary>
public static class SyncConfig
{
    public const string RelativePath = "helmfile/sync.yaml";

    public static IReadOnlyList<IgnoreDifferencesRule> Load(AbsolutePath root)
    {
        var path = root / RelativePath;
        if (!path.FileExists)
        {
            return [];
        }
        var document = YamlData.ParseMapping(File.ReadAllText(path), RelativePath);
        return (document.GetValueOrDefault("ignoreDifferences") as List<object?> ?? [])
            .Select(item =>
                item is Dictionary<string, object?> rule
                && rule.GetValueOrDefault("kind") is string kind
                    ? new IgnoreDifferencesRule(
                        rule.GetValueOrDefault("group") as string,
                        kind,
                        rule.GetValueOrDefault("name") as string,
                        rule.GetValueOrDefault("namespace") as string,
                        (rule.GetValueOrDefault("jsonPointers") as List<object?> ?? [])
                            .Select(p => p?.ToString() ?? "")
                            .ToList()
                    )
                    : throw new SourceLocatedException(
                        $"{RelativePath}: each ignoreDifferences rule needs a kind and jsonPointers.",
                        RelativePath
                    )
            )
            .ToList();
    }
}
