using Pipelines.Failures;

namespace Pipelines.Helmfile.Manifests;

/// <summary>
/// One rendered object that uses an API version the target cluster no longer serves. <c>Replacement</c> is the
/// apiVersion to use on that cluster or, when the API has no successor, a sentence saying what to do instead.
/// </summary>
internal sealed record RemovedApiFinding(
    string Release,
    string SourceTemplate,
    string Kind,
    string Name,
    string? Namespace,
    string ApiVersion,
    string RemovedIn,
    string Replacement
);

/// <summary>Finds rendered objects that a cluster of a given version would reject as unknown APIs.</summary>
internal static class RemovedApiCheck
{
    /// <summary>
    /// Every object of <paramref name="release"/> that uses an API removed by <paramref name="clusterVersion"/>, in
    /// order. A document with apiVersion and kind but no name is still checked (the API server would refuse it by
    /// its API first); one without them is no API use and is left to Sync, which refuses it by name.
    /// </summary>
    /// <exception cref="Failures.UsageException"><paramref name="clusterVersion"/> is not a Kubernetes version.</exception>
    public static IReadOnlyList<RemovedApiFinding> Check(
        string release,
        IEnumerable<ManifestObject> objects,
        string clusterVersion
    )
    {
        var version = KubernetesVersion.Parse(clusterVersion);
        var findings = new List<RemovedApiFinding>();
        foreach (var manifest in objects)
        {
            // A document without apiVersion and kind (a raw chart's `envName: test`) asks the API for nothing.
            if (
                manifest.ApiVersion.Length == 0
                || manifest.Kind.Length == 0
                || RemovedApis.Find(manifest.ApiVersion, manifest.Kind, version) is not { } removed
            )
            {
                continue;
            }
            findings.Add(
                new RemovedApiFinding(
                    release,
                    manifest.SourceTemplate,
                    manifest.Kind,
                    manifest.Name,
                    manifest.Namespace,
                    manifest.ApiVersion,
                    removed.RemovedIn,
                    Replacement(removed, version)
                )
            );
        }
        return findings;
    }

    /// <summary>
    /// One line, e.g. <c>release web: templates/ingress.yaml: Ingress web (ns apps) uses extensions/v1beta1,
    /// removed in 1.22; use networking.k8s.io/v1</c>.
    /// </summary>
    public static string Describe(RemovedApiFinding f)
    {
        var where = f.Namespace is null ? "" : $" (ns {f.Namespace})";
        // A replacement apiVersion has no spaces; anything else is advice to print as is.
        var advice = f.Replacement.Contains(' ', StringComparison.Ordinal)
            ? f.Replacement
            : $"use {f.Replacement}";
        var name = f.Name.Length == 0 ? "(without metadata.name)" : f.Name;
        return $"release {f.Release}: {f.SourceTemplate}: {f.Kind} {name}{where} uses {f.ApiVersion}, "
            + $"removed in {f.RemovedIn}; {advice}";
    }

    /// <summary>
    /// Follows replacements that are themselves gone on this cluster (flowcontrol v1beta1 -> v1beta3 -> v1),
    /// so the advice always names an API the cluster serves. Removal versions only grow along the chain.
    /// </summary>
    private static string Replacement(RemovedApi removed, KubernetesVersion version)
    {
        var current = removed;
        while (
            current.HasReplacement
            && RemovedApis.Find(current.Replacement, current.Kind, version) is { } next
        )
        {
            current = next;
        }
        return current.HasReplacement ? current.Replacement : $"no replacement API: {current.Note}";
    }
}
