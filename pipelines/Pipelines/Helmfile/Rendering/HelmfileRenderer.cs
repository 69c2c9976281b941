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

    /// <summary>State values from the command line (<c>--state-values-file</c>, <c>--state-values-set</c>).</summary>
    internal StateValueOverrides StateValues { get; init; } = StateValueOverrides.None;

    /// <summary>Under <c>--dry-run</c>, prepare and cleanup hooks are shown, not run.</summary>
    internal bool DryRun { get; init; }

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
        var states = new StateTree(root, context).Load(
            stateFile,
            options.Environment,
            options.Selectors,
            StateValues
        );
        var stateOf = new Dictionary<ReleaseSpec, DeclaredState>(
            ReferenceEqualityComparer.Instance
        );
        var provenances = new Dictionary<DeclaredState, SecretProvenance>();
        var secretDerived = new HashSet<string>(StringComparer.Ordinal);
        var flags = options.Flags;
        var releases = new List<ResolvedRelease>();
        foreach (var (state, selectors) in states)
        {
            var provenance = await ResolveReferencesAsync(state, cancellationToken);
            provenances[state] = provenance;
            foreach (var declared in state.State.Releases)
            {
                var release = ReleaseTemplating.Apply(state, declared, context) with
                {
                    Selectors = selectors,
                };
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
                stateOf[release.Spec] = state;
                releases.Add(release);
            }
        }
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
            new ReleaseValues(root, context, references)
            {
                ProvenanceOf = s => provenances[s],
                Flags = flags,
            },
            new ChartRepositories(
                helm,
                home,
                Repositories(states),
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
        var hooks = new RenderHooks(root, context, DryRun);
        var scopes = states
            .Select(s => new RenderHooks.Scope(
                s.State,
                work.Select(w => w.Release)
                    .Distinct(ReferenceEqualityComparer.Instance)
                    .Cast<ReleaseSpec>()
                    .Where(r => stateOf[r] == s.State)
                    .ToList()
            ))
            .ToList();
        await hooks.PrepareAsync(scopes, cancellationToken);
        var rendered = new ConcurrentDictionary<(string, string), RenderedRelease>();
        var errors = new ConcurrentBag<(int Index, Exception Error)>();
        try
        {
            await RenderAllAsync(renderer, stateOf, work, rendered, errors, cancellationToken);
        }
        finally
        {
            if (repositoryScratch.DirectoryExists)
            {
                Directory.Delete(repositoryScratch, recursive: true);
            }
        }
        await hooks.CleanupAsync(scopes, cancellationToken);
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
            states[^1].State
        );
        if (CheckRemovedApis)
        {
            RemovedApisException.ThrowIfAny(result);
        }
        return result;
    }

    /// <summary>
    /// The chart repositories of every state, the including file's first: a nested state may declare a repository
    /// its own releases use; where two states name the same repository, the outer one's definition is used.
    /// </summary>
    private static List<RepositorySpec> Repositories(IReadOnlyList<LoadedState> states) =>
        states
            .AsEnumerable()
            .Reverse()
            .SelectMany(s => s.State.State.Repositories)
            .DistinctBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

    private static Task RenderAllAsync(
        ReleaseRenderer renderer,
        IReadOnlyDictionary<ReleaseSpec, DeclaredState> stateOf,
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
                        stateOf[item.Release],
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

    /// <summary>
    /// Resolves the state's <c>ref+</c> references, layer by layer so that a missing parameter names the file that
    /// asked for it, and tells which renders drew on them.
    /// </summary>
    private async Task<SecretProvenance> ResolveReferencesAsync(
        DeclaredState state,
        CancellationToken cancellationToken
    )
    {
        if (!state.Layers.Any(l => ReferenceResolver.Contains(l.Values)))
        {
            return SecretProvenance.None;
        }
        var provenance = new SecretProvenance(state.Values);
        var resolved = new List<ValuesLayer>();
        foreach (var layer in state.Layers)
        {
            var values = await ReferenceResolver.ResolveIfAnyAsync(
                references,
                layer.Values,
                layer.Source,
                cancellationToken
            );
            resolved.Add(layer with { Values = (Dictionary<string, object?>)values! });
        }
        state.Values = DeclaredState.Merge(resolved);
        return provenance;
    }
}
