using System.Globalization;
using Pipelines.Helmfile.Manifests;

namespace Pipelines.Helmfile.Patches;

/// <summary>How kustomize identifies the objects chartify hands it: group and version, namespace, labels.</summary>
internal static class ObjectIdentity
{
    // kustomize's stand-in namespace for cluster-scoped objects, so a namespace selector never matches them.
    private const string NotNamespaced = "_non_namespaceable_";

    public static (string Group, string Version) GroupVersion(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }

    /// <summary>The namespace the YAML sets, <c>default</c> when none; kustomize sees no release namespace.</summary>
    public static string EffectiveNamespace(ManifestObject manifest) =>
        EffectiveNamespace(manifest.ApiVersion, manifest.Kind, manifest.Data);

    public static string EffectiveNamespace(string apiVersion, string kind, object? data) =>
        ResourceScope.IsClusterScoped(apiVersion, kind) ? NotNamespaced
        : Metadata(data).GetValueOrDefault("namespace") is string { Length: > 0 } ns ? ns
        : "default";

    public static Dictionary<string, object?> Metadata(object? data) =>
        (data as Dictionary<string, object?>)?.GetValueOrDefault("metadata")
            as Dictionary<string, object?>
        ?? [];

    /// <summary><c>metadata.labels</c> or <c>metadata.annotations</c> as strings.</summary>
    public static IReadOnlyDictionary<string, string> StringMap(object? data, string field) =>
        (Metadata(data).GetValueOrDefault(field) as Dictionary<string, object?> ?? []).ToDictionary(
            p => p.Key,
            p => Scalar(p.Value)
        );

    /// <summary>A scalar as YAML wrote it (what sigs.k8s.io/yaml gives a string field): 51, true, text.</summary>
    public static string Scalar(object? value) =>
        value switch
        {
            null => "",
            bool flag => flag ? "true" : "false",
            double real => real.ToString("R", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
}
