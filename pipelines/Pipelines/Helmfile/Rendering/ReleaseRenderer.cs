using Pipelines.Clusters;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Manifests;
using Pipelines.Helmfile.Patches;
using Pipelines.Helmfile.State;
using Pipelines.Tools;

namespace Pipelines.Helmfile.Rendering;

/// <summary>
/// Renders one release for one cluster with real <c>helm template</c>, through the content-hash cache: remote charts
/// are pulled and local charts' dependencies built first (<see cref="ChartRepositories"/>), and a post-renderer, when
/// one applies, runs on helm's output every time (<see cref="PostRenderer"/>).
/// </summary>
internal sealed class ReleaseRenderer(
    string helm,
    string helmVersion,
    HelmHome home,
    RenderCache cache,
    ReleaseValues values,
    ChartRepositories charts,
    PatchLoader patches,
    AbsolutePath root,
    AbsolutePath scratchRoot
)
{
    /// <summary>Releases (by id) whose templated fields used a state value resolved from a reference: not cached.</summary>
    public IReadOnlySet<string> SecretDerivedReleases { get; init; } = new HashSet<string>();

    /// <summary>helmfile template's flags (--skip-deps and --post-renderer here; --values and --set in <see cref="ReleaseValues"/>).</summary>
    public TemplateFlags Flags { get; init; } = new();

    public async Task<RenderedRelease> RenderAsync(
        DeclaredState state,
        ReleaseSpec release,
        ClusterDefinition cluster,
        CancellationToken cancellationToken
    )
    {
        var chart = await LocalChartAsync(state, release, cancellationToken);
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
            // The chart is a local folder by now (remote ones pulled): its content is the key, so a constraint that
            // resolves to a newer version misses the cache.
            var key = RenderCache.Key([
                helmVersion,
                cluster.KubernetesVersion,
                release.Name,
                release.Namespace ?? "",
                .. apis,
                .. prepared.Contents,
                .. args,
                cache.ChartHash(chart.LocalPath!),
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
            if (PostRenderer.For(state, release, Flags, root) is { } postRenderer)
            {
                // helmfile's chartify patches the chart before helm renders it, so helm's post-renderer sees the
                // patched manifests; without patches, exactly what helm printed.
                var input = releasePatches.IsEmpty ? output : ManifestStream.Join(objects);
                objects = ManifestStream.Parse(
                    await postRenderer.RunAsync(input, release, cluster, cancellationToken),
                    release.Name,
                    release.Namespace ?? "default"
                );
            }
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

    /// <summary>
    /// The chart as a local folder: a remote one pulled, a local one with its <c>dependencies:</c> built unless
    /// <c>--skip-deps</c>, the release's <c>skipDeps</c> or <c>helmDefaults.skipDeps</c> says not to (helmfile's order:
    /// the release's own field wins over helmDefaults).
    /// </summary>
    private async Task<ChartReference> LocalChartAsync(
        DeclaredState state,
        ReleaseSpec release,
        CancellationToken cancellationToken
    )
    {
        var chart = ChartReference.Resolve(release, state.State.Repositories, root);
        if (!chart.IsLocal)
        {
            var pulled = await charts.PullAsync(chart, release.Version, release, cancellationToken);
            return new ChartReference(pulled, chart.Repository, pulled);
        }
        var skipDeps = Flags.SkipDeps || (release.SkipDeps ?? state.HelmDefaults.SkipDeps);
        if (!skipDeps)
        {
            await charts.BuildDependenciesAsync(chart.LocalPath!, release, cancellationToken);
        }
        return chart;
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
