using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.Selection;

namespace Pipelines.Clusters.Provisioning;

/// <summary>
/// Renders every release of the environment at the new cluster's version, as that cluster will carry them all by its
/// deadline, and runs RenderHelmfile's removed-API check: a hit stops provisioning before anything exists.
/// </summary>
internal static class Preflight
{
    /// <summary>The render of every release for the new cluster; throws <see cref="PreflightFailedException"/> on a removed API.</summary>
    public static async Task<RenderResult> RunAsync(
        ClusterDefinition cluster,
        ClusterLifecycleSettings settings,
        CancellationToken cancellationToken
    )
    {
        var everything = cluster with { Carries = [] };
        try
        {
            return await settings
                .Renderer()
                .RenderAsync(
                    settings.HelmfileFile,
                    [everything],
                    new RenderOptions(
                        cluster.Environment,
                        cluster.Name,
                        [],
                        NeedsGraph.Include.None
                    ),
                    cancellationToken
                );
        }
        catch (RemovedApisException exception)
        {
            throw new PreflightFailedException(cluster, exception.Findings);
        }
    }

    /// <summary>The part of a preflight render the new cluster carries from the start (its management releases).</summary>
    public static RenderResult Carried(RenderResult render, ClusterDefinition cluster) =>
        render with
        {
            Clusters =
            [
                .. render.Clusters.Select(c => new ClusterRender(
                    cluster,
                    c.Carried.Where(cluster.CarriesRelease).ToList(),
                    c.Releases.Where(r => cluster.CarriesRelease(r.Release))
                        .Select(r => r with { Cluster = cluster })
                        .ToList()
                )),
            ],
        };
}

/// <summary>The preflight render found APIs the new version no longer serves: nothing was created.</summary>
internal sealed class PreflightFailedException(
    ClusterDefinition cluster,
    IReadOnlyList<string> findings
)
    : Exception(
        $"Preflight failed: {findings.Count} object(s) use APIs Kubernetes {cluster.KubernetesVersion} no longer serves, "
            + $"so {cluster.Name} was not provisioned and nothing was written. Fix these charts or values first "
            + "(./build.sh UpgradeBriefing shows each app's changes):\n"
            + string.Join("\n", findings.Select(f => "  " + f))
    ),
        IExplainedFailure
{
    public IReadOnlyList<string> Findings { get; } = findings;
}
