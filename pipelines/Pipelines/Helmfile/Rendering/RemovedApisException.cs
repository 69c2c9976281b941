using Pipelines.Failures;
using Pipelines.Helmfile.Manifests;

namespace Pipelines.Helmfile.Rendering;

/// <summary>Manifests use APIs the target cluster's Kubernetes version no longer serves.</summary>
internal sealed class RemovedApisException(IReadOnlyList<string> findings)
    : Exception(
        $"{findings.Count} object(s) use APIs removed in their cluster's Kubernetes version:\n"
            + string.Join("\n", findings.Select(f => "  " + f))
    ),
        IExplainedFailure
{
    public IReadOnlyList<string> Findings { get; } = findings;

    /// <summary>Fails when an object uses an API its cluster's Kubernetes version no longer serves.</summary>
    internal static void ThrowIfAny(RenderResult result)
    {
        var findings = result
            .Clusters.SelectMany(c =>
                c.Releases.SelectMany(r =>
                    RemovedApiCheck
                        .Check(r.Release.Name, r.Objects, c.Cluster.KubernetesVersion)
                        .Select(f => (c.Cluster, f))
                )
            )
            .ToList();
        if (findings.Count > 0)
        {
            throw new RemovedApisException(
                findings
                    .Select(p =>
                        $"{p.Cluster.Name} (Kubernetes {p.Cluster.KubernetesVersion}): {RemovedApiCheck.Describe(p.f)}"
                    )
                    .ToList()
            );
        }
    }
}
