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
        var renderer = new ReleaseRenderer(
            helm,
            version,
            home,
            new RenderCache(CacheDirectory),
            new ReleaseValues(root, context, references) { ProvenanceOf = s => provenances[s] },
            // Patches render without the secret functions: their output is cached with the release.
            new PatchLoader(root, templates),
            root,
            root / ".nuke" / "temp" / "helm-values"
        )
        {
            // Resolved state values can reach a release through its templated fields: such a release is not cached.
            SecretDerivedReleases = secretDerived,
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
        await Parallel.ForEachAsync(
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
        if (!CheckRemovedApis)
        {
            return result;
        }
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
        return result;
    }

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

/// <summary>Manifests use APIs the target cluster's Kubernetes version no longer serves.</summary>
internal sealed class RemovedApisException(IReadOnlyList<string> findings)
    : Exception(
        $"{findings.Count} object(s) use APIs removed in their cluster's Kubernetes version:\n"
            + string.Join("\n", findings.Select(f => "  " + f))
    ),
        IExplainedFailure
{
    public IReadOnlyList<string> Findings { get; } = findings;
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
