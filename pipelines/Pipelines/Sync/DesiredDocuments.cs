using Pipelines.Failures;
using Pipelines.Helmfile.Rendering;

namespace Pipelines.Sync;

/// <summary>
/// Sync applies Kubernetes objects only. RenderHelmfile keeps every document helm printed, as <c>helmfile
/// template</c> does, so a raw chart's <c>envName: test</c> renders; it is refused here, before any cluster is
/// touched, naming the cluster, release and template.
/// </summary>
internal static class DesiredDocuments
{
    /// <exception cref="SourceLocatedException">A rendered document is not a Kubernetes object.</exception>
    public static void ThrowIfNotObjects(RenderResult render)
    {
        var offending = render
            .Clusters.SelectMany(c =>
                c.Releases.SelectMany(r =>
                    r.Objects.Where(o => !o.IsKubernetesObject)
                        .Select(o =>
                            (
                                r.Release,
                                Line: $"{c.Cluster.Name}: {o.DescribeNotAnObject(r.Release.Name)}"
                            )
                        )
                )
            )
            .ToList();
        if (offending.Count == 0)
        {
            return;
        }
        var file = offending[0].Release.DeclaredIn;
        throw new SourceLocatedException(
            $"Sync applies Kubernetes objects only, and {offending.Count} rendered document(s) are not:\n"
                + string.Join("\n", offending.Select(o => "  " + o.Line))
                + "\nRenderHelmfile writes them as helm prints them (as helmfile template does), but no API server "
                + "accepts them. Make the template render apiVersion, kind and metadata.name with this release's "
                + "values, or leave the release out of the cluster's carries in clusters.yaml.",
            file
        );
    }
}
