using Pipelines.Clusters;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Manifests;
using Pipelines.Helmfile.Patches;
using Pipelines.Helmfile.State;
using Pipelines.Tools;

namespace Pipelines.Helmfile.Rendering;

/// <summary>Renders one release for one cluster with real <c>helm template</c>, through the content-hash cache.</summary>
internal sealed class ReleaseRenderer(
    string helm,
    string helmVersion,
    HelmHome home,
    RenderCache cache,
    ReleaseValues values,
    PatchLoader patches,
    AbsolutePath root,
    AbsolutePath scratchRoot
)
{
    /// <summary>Releases (by id) whose templated fields used a state value resolved from a reference: not cached.</summary>
    public IReadOnlySet<string> SecretDerivedReleases { get; init; } = new HashSet<string>();

    public async Task<RenderedRelease> RenderAsync(
        DeclaredState state,
        ReleaseSpec release,
        ClusterDefinition cluster,
        CancellationToken cancellationToken
    )
    {
        var chart = ChartReference.Resolve(release, state.State.Repositories, root);
        var scratch = scratchRoot / Guid.NewGuid().ToString("N");
        try
        {
            var prepared = await values.PrepareAsync(
                state,
                release,
                cluster.KubeContext ?? cluster.Name,
                scratch,
                cancellationToken
            );
            // Read before helm runs, so a broken patch file fails fast.
            var releasePatches = await patches.LoadAsync(
                state,
                release,
                cluster.KubeContext ?? cluster.Name,
                cancellationToken
            );
            var apis = cluster
                .ApiVersions.Concat(release.ApiVersions)
                .Distinct()
                .Order(StringComparer.Ordinal)
                .ToList();
            var args = state.HelmDefaults.Args;
            var key = RenderCache.Key([
                helmVersion,
                cluster.KubernetesVersion,
                release.Name,
                release.Namespace ?? "",
                chart.Reference,
                chart.RepositoryUrl ?? "",
                release.Version ?? "",
                .. apis,
                .. release.Set.Select(s => $"{s.Name}={HelmTemplateCommand.SetValueText(s)}"),
                .. prepared.Contents,
                .. args,
                chart.LocalPath is { } local ? cache.ChartHash(local) : "",
            ]);
            // Neither secrets (by provenance) nor output that differs on every run (random values in a values
            // template) is cached.
            var secret =
                prepared.HoldsSecrets
                || !prepared.Deterministic
                || SecretDerivedReleases.Contains(release.Id);
            var cached = secret ? null : cache.TryRead(key);
            var output = cached;
            if (output is null)
            {
                var command = HelmTemplateCommand.Create(
                    helm,
                    home,
                    release,
                    chart,
                    cluster.KubernetesVersion,
                    apis,
                    prepared.Files,
                    args
                );
                output = (
                    await ToolRunner.Default.RunAsync(
                        command,
                        ToolOutput.Capture,
                        cancellationToken
                    )
                ).StandardOutput;
                if (!secret)
                {
                    await cache.WriteAsync(key, output, cancellationToken);
                }
            }
            // The cache holds helm's output; patches apply after it on every render, so a changed patch always shows.
            var objects = ReleasePatcher.Apply(
                release,
                releasePatches,
                ManifestStream.Parse(output, release.Name, release.Namespace ?? "default")
            );
            return new RenderedRelease(cluster, release, objects, FromCache: cached is not null);
        }
        catch (ToolException exception)
        {
            throw new SourceLocatedException(
                $"{release.DeclaredIn}: release '{release.Name}' for cluster {cluster.Name}: helm template failed "
                    + $"(exit code {exception.ExitCode}):\n{exception.Detail}",
                release.DeclaredIn
            );
        }
        finally
        {
            if (scratch.DirectoryExists)
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }
}

/// <summary>What one release rendered to on one cluster.</summary>
public sealed record RenderedRelease(
    ClusterDefinition Cluster,
    ReleaseSpec Release,
    IReadOnlyList<ManifestObject> Objects,
    bool FromCache
)
{
    public string Namespace => Release.Namespace ?? "default";

    /// <summary>The release's file under rendered/: <c>&lt;env&gt;/&lt;cluster&gt;/&lt;namespace&gt;/&lt;release&gt;.yaml</c>.</summary>
    public string RelativePath =>
        $"{Cluster.Environment}/{Cluster.Name}/{Namespace}/{Release.Name}.yaml";

    public string Yaml => ManifestStream.Join(Objects);
}
