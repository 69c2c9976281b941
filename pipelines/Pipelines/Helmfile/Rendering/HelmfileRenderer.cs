using System.Collections.Concurrent;
using Pipelines.Clusters;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.GoTemplates;
using Pipelines.Helmfile.Manifests;
using Pipelines.Helmfile.Patches;
using Pipelines.Helmfile.State;
using Pipelines.Tools;
using Pipelines.Tools.Helm;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.Rendering;

/// <summary>
/// Renders a helmfile state for every live cluster of an environment: each cluster gets the releases it carries,
/// rendered with real helm at that cluster's Kubernetes version, in parallel (one per core), through the cache,
/// and checked against the APIs its version has removed. Nothing is written here; see <see cref="RenderOutput"/>.
/// </summary>
public sealed partial class HelmfileRenderer(
    AbsolutePath root,
    TemplateContext templates,
    ReferenceResolver? references
)
{
    public AbsolutePath ToolsDirectory { get; init; } = root / ".nuke" / "temp" / "tools";
    public AbsolutePath CacheDirectory { get; init; } = root / ".nuke" / "temp" / "render-cache";

    /// <summary>Remote charts pulled at an exact version, kept across renders (a version's chart never changes).</summary>
    public AbsolutePath ChartsDirectory { get; init; } = root / ".nuke" / "temp" / "charts";

    /// <summary>
    /// When false, objects using APIs their cluster no longer serves are rendered without failing, for callers that
    /// report them (UpgradeBriefing runs <see cref="RemovedApiCheck"/> itself).
    /// </summary>
    public bool CheckRemovedApis { get; init; } = true;

    public Task<RenderResult> RenderAsync(
        AbsolutePath stateFile,
        AbsolutePath clustersFile,
        RenderOptions options,
        CancellationToken cancellationToken
    ) => RenderAsync(stateFile, ClustersFile.Load(clustersFile, root), options, cancellationToken);

    /// <summary>
    /// Renders for clusters given in memory: a cluster not yet in clusters.yaml (ProvisionCluster's preflight) or a
    /// version not yet provisioned (UpgradeBriefing).
    /// </summary>
    public async Task<RenderResult> RenderAsync(
        AbsolutePath stateFile,
        IReadOnlyList<ClusterDefinition> clusters,
        RenderOptions options,
        CancellationToken cancellationToken
    )
    {
        // fetchSecretValue and expandSecretRefs resolve through the same Parameter Store references as values do; a
        // state whose templates used one may carry the secret into any release, so then no release is cached.
        var secretUse = new TemplateSecretUse(
            templates.Secrets ?? HelmfileTemplates.SecretsThrough(references)
        );
        var context = templates with { Secrets = secretUse.Resolve };
        var state = new StateLoader(root, context).Load(stateFile, options.Environment);
        // Each layer resolves against its own file, so a missing parameter names the file that asked for it.
        var provenance = SecretProvenance.None;
        if (state.Layers.Any(l => ReferenceResolver.Contains(l.Values)))
        {
            provenance = new SecretProvenance(state.Values);
            var resolved = new List<Dictionary<string, object?>>();
            foreach (var layer in state.Layers)
            {
                var values = await ReferenceResolver.ResolveIfAnyAsync(
                    references,
                    layer.Values,
                    layer.Source,
                    cancellationToken
                );
                resolved.Add((Dictionary<string, object?>)values!);
            }
            state.Values = ValueMerge.Merge(resolved);
        }
        var secretDerived = new HashSet<string>(StringComparer.Ordinal);
        var flags = options.Flags;
        var releases = state
            .State.Releases.Select(declared =>
            {
                var release = ReleaseTemplating.Apply(state, declared, context);
                // helmfile's --namespace replaces every release's namespace once its fields are rendered.
                if (!string.IsNullOrEmpty(flags.Namespace))
                {
                    release = release with
                    {
                        Spec = release.Spec with { Namespace = flags.Namespace },
                    };
                }
                if (provenance.DependsOn(state, declared, release, context))
                {
                    secretDerived.Add(release.Spec.Id);
                }
                return release;
            })
            .ToList();
        if (secretUse.Used)
        {
            secretDerived.UnionWith(releases.Select(r => r.Spec.Id));
        }
        ThrowIfDuplicated(releases);
        var plan = RenderPlan.Build(clusters, releases, options);

        var helm = await HelmInstaller.EnsureAsync(ToolsDirectory, cancellationToken);
        var home = new HelmHome(root / ".nuke" / "temp" / "helm");
        var version = await HelmVersion.ReadAsync(helm, home, cancellationToken);
        // Credentials for chart repositories are written only here, and deleted with it when the render ends.
        var repositoryScratch =
            root / ".nuke" / "temp" / "helm-repositories" / Guid.NewGuid().ToString("N");
        var renderer = new ReleaseRenderer(
            helm,
            version,
            home,
            new RenderCache(CacheDirectory),
            new ReleaseValues(root, context, references) { Provenance = provenance, Flags = flags },
            new ChartRepositories(
                helm,
                home,
                state.State.Repositories,
                templates.Environment,
                ChartsDirectory,
                repositoryScratch
            ),
            // Patches render without the secret functions: their output is cached with the release.
            new PatchLoader(root, templates),
            root,
            root / ".nuke" / "temp" / "helm-values"
        )
        {
            // Resolved state values can reach a release through its templated fields: such a release is not cached.
            SecretDerivedReleases = secretDerived,
            Flags = flags,
        };

        var work = plan.SelectMany(c => c.Selected.Select(r => (c.Cluster, Release: r))).ToList();
        var rendered = new ConcurrentDictionary<(string, string), RenderedRelease>();
        var errors = new ConcurrentBag<(int Index, Exception Error)>();
        try
        {
            await RenderAllAsync(renderer, state, work, rendered, errors, cancellationToken);
        }
        finally
        {
            if (repositoryScratch.DirectoryExists)
            {
                Directory.Delete(repositoryScratch, recursive: true);
            }
        }
        ThrowIfFailed(errors);

        var result = new RenderResult(
            options.Environment,
            plan.Select(c => new ClusterRender(
                    c.Cluster,
                    c.AllCarried,
                    c.Selected.Select(r => rendered[(c.Cluster.Name, r.Id)]).ToList()
                )
                {
                    Complete = options.Selectors.Count == 0,
                })
                .ToList(),
            state
        );
        if (CheckRemovedApis)
        {
            RemovedApisException.ThrowIfAny(result);
        }
        return result;
    }

    private static Task RenderAllAsync(
        ReleaseRenderer renderer,
        DeclaredState state,
        List<(ClusterDefinition Cluster, ReleaseSpec Release)> work,
        ConcurrentDictionary<(string, string), RenderedRelease> rendered,
        ConcurrentBag<(int Index, Exception Error)> errors,
        CancellationToken cancellationToken
    ) =>
        Parallel.ForEachAsync(
            work.Select((w, i) => (w.Cluster, w.Release, Index: i)),
            new ParallelOptions
            {
                MaxDegreeOfParallelism = Environment.ProcessorCount,
                CancellationToken = cancellationToken,
            },
            async (item, token) =>
            {
                try
                {
                    rendered[(item.Cluster.Name, item.Release.Id)] = await renderer.RenderAsync(
                        state,
                        item.Release,
                        item.Cluster,
                        token
                    );
                }
                catch (Exception exception)
                    when (exception is SourceLocatedException or UsageException)
                {
                    errors.Add((item.Index, exception));
                }
            }
        );

    private static void ThrowIfDuplicated(IReadOnlyList<ResolvedRelease> releases)
    {
        var duplicate = releases.GroupBy(r => r.Spec.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            var first = duplicate.First().Spec;
            throw new SourceLocatedException(
                $"{first.DeclaredIn}: release '{first.Name}' in namespace '{first.Namespace}' is declared {duplicate.Count()} times; names must be unique per namespace.",
                first.DeclaredIn
            );
        }
    }

    private static void ThrowIfFailed(ConcurrentBag<(int Index, Exception Error)> errors)
    {
        if (errors.IsEmpty)
        {
            return;
        }
        var ordered = errors.OrderBy(e => e.Index).Select(e => e.Error).ToList();
        if (ordered.Count == 1)
        {
            throw ordered[0];
        }
        var first = ordered[0] as SourceLocatedException;
        throw new SourceLocatedException(
            $"{ordered.Count} releases failed to render:\n"
                + string.Join("\n", ordered.Select(e => "  " + e.Message.Replace("\n", "\n    "))),
            first?.File ?? "",
            first?.Line
        );
    }
}

/// <summary>A finished render of one environment.</summary>
public sealed record RenderResult(
    string Environment,
    IReadOnlyList<ClusterRender> Clusters,
    DeclaredState State
)
{
    public int CacheHits => Clusters.Sum(c => c.Releases.Count(r => r.FromCache));
    public int Releases => Clusters.Sum(c => c.Releases.Count);
}

/// <summary>One cluster's releases: all it carries (in needs order) and those rendered in this run.</summary>
public sealed record ClusterRender(
    ClusterDefinition Cluster,
    IReadOnlyList<ReleaseSpec> Carried,
    IReadOnlyList<RenderedRelease> Releases
)
{
    /// <summary>
    /// False when <c>--selector</c> chose some releases: the render then says nothing about the others, so Sync
    /// leaves their objects and inventory entries alone.
    /// </summary>
    public bool Complete { get; init; } = true;
}
