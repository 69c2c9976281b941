using Pipelines.Clusters;
using Pipelines.Engine;
using Pipelines.GoTemplates;
using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.Selection;
using Pipelines.Helmfile.State;
using Pipelines.Helmfile.Vals;

namespace Pipelines.Helmfile;

/// <summary>
/// The RenderHelmfile target as a component: <c>class Build : PipelineBuild, IHelmfileRender</c>. Renders the
/// helmfile state for <c>--env</c>, per live cluster of <c>helmfile/clusters.yaml</c>, with real helm.
/// </summary>
public interface IHelmfileRender : IPipelineBuild
{
    [Parameter(
        "Environment, as declared in the state file (--helmfile-file), or helmfile's implicit default",
        ValueProvider = nameof(RenderEnvironmentNames)
    )]
    string? Env => TryGetValue(() => Env);

    [Parameter("Only this cluster of the environment (a name from helmfile/clusters.yaml)")]
    string? Cluster => TryGetValue(() => Cluster);

    [Parameter(
        "Release selectors, helmfile's -l: tier=app,name!=web (AND within one, OR across several)"
    )]
    string[] Selector => TryGetValue(() => Selector) ?? [];

    [Parameter("Also render the releases the selected ones need (directly)")]
    bool IncludeNeeds => TryGetValue(() => IncludeNeeds);

    [Parameter("Also render everything the selected releases need, transitively")]
    bool IncludeTransitiveNeeds => TryGetValue(() => IncludeTransitiveNeeds);

    [Parameter(
        "Compare with the previous render, print the diff, write nothing; exit 2 when anything changed"
    )]
    bool Diff => TryGetValue(() => Diff);

    [Parameter(
        "With --diff: also write the changes to this file as a unified diff (empty when none), e.g. for a pull-request comment"
    )]
    AbsolutePath? DiffFile => TryGetValue(() => DiffFile);

    [Parameter("The helmfile state file")]
    AbsolutePath HelmfileFile =>
        TryGetValue(() => HelmfileFile) ?? RootDirectory / "helmfile" / "helmfile.yaml";

    [Parameter("The clusters of each environment")]
    AbsolutePath ClustersFile =>
        TryGetValue(() => ClustersFile) ?? RootDirectory / Clusters.ClustersFile.DefaultPath;

    [Parameter(
        "helmfile's --state-values-set: state values as key=value (commas for several, \\, for a comma; paths such as top.list[1].key), over the environment's"
    )]
    string[] StateValuesSet => TryGetValue(() => StateValuesSet) ?? [];

    [Parameter(
        "helmfile's --state-values-set-string: as --state-values-set, every value kept a string"
    )]
    string[] StateValuesSetString => TryGetValue(() => StateValuesSetString) ?? [];

    [Parameter(
        "helmfile's --state-values-file: YAML files of state values over the environment's (relative to the state file's folder, as helmfile reads them)"
    )]
    string[] StateValuesFile => TryGetValue(() => StateValuesFile) ?? [];

    [Parameter("AWS region for ref+awsssm:// values (default: the SDK's chain, e.g. AWS_REGION)")]
    string? AwsRegion => TryGetValue(() => AwsRegion);

    [Parameter("Parameter Store endpoint URL, for VPC endpoints or a local test server")]
    string? SsmEndpoint => TryGetValue(() => SsmEndpoint);

    [Parameter(
        "helmfile template --set: helm's --set syntax (a.b=v,list={x,y}), repeatable; wins over every release's values"
    )]
    string[] Set => TryGetValue(() => Set) ?? [];

    [Parameter(
        "helmfile template --values: values files layered after each release's own (relative paths: the state file's folder)"
    )]
    string[] Values => TryGetValue(() => Values) ?? [];

    [Parameter("helmfile's --namespace (-n): every release renders into this namespace")]
    string? HelmfileNamespace => TryGetValue(() => HelmfileNamespace);

    [Parameter(
        "helmfile template --post-renderer: a program every release's manifests pass through (stdin to stdout)"
    )]
    string? PostRenderer => TryGetValue(() => PostRenderer);

    [Parameter(
        "helmfile template --post-renderer-args: an argument of the post-renderer, repeatable"
    )]
    string[] PostRendererArgs => TryGetValue(() => PostRendererArgs) ?? [];

    [Parameter("helmfile's --skip-deps: do not run helm dependency build on local charts")]
    bool SkipDeps => TryGetValue(() => SkipDeps);

    [Parameter(
        "Who renders: native (the build's helmfile implementation with real helm) or helmfile (the helmfile binary on PATH)"
    )]
    HelmfileRendererKind Renderer => TryGetValue(() => Renderer);

    /// <summary>Where renders go: rendered/&lt;env&gt;/&lt;cluster&gt;/...</summary>
    AbsolutePath RenderedDirectory => TemporaryDirectory / "rendered";

    /// <summary>
    /// The environments helmfile.yaml declares, for <c>--env</c>'s validation, help and schema. None in a repository
    /// without one (an application's): BumpK8sConfig then checks <c>--env</c> against the config repo's helmfile.yaml.
    /// </summary>
    IEnumerable<string> EnvironmentNames =>
        !HelmfileFile.FileExists
            ? []
            : new StateLoader(
                RootDirectory,
                HelmfileTemplates.Context(Environment.GetEnvironmentVariable)
            ).EnvironmentNames(HelmfileFile);

    /// <summary>
    /// What RenderHelmfile's <c>--env</c> accepts: the environments of the state file it renders, and helmfile's
    /// implicit <c>default</c>, which every state has. None without a state file (the target then names it).
    /// </summary>
    IEnumerable<string> RenderEnvironmentNames
    {
        get
        {
            var declared = EnvironmentNames.ToList();
            return declared.Count == 0 && !HelmfileFile.FileExists
                ? []
                : declared.Append(StateLoader.DefaultEnvironment).Distinct();
        }
    }

    Target RenderHelmfile =>
        _ =>
            _.Description(
                    "Render helmfile/ for --env into manifests, one set per cluster, with the removed-API check"
                )
                .Requires(() => Env)
                .Produces<RenderResult>()
                .Executes(async ct =>
                {
                    var result = await HelmfileRenderer.RenderHelmfileAsync(this, ct);
                    Results.Put(result);
                    Report("releases", result.Releases);
                    Report("cache hits", result.CacheHits);
                });
}

/// <summary>What renders the helmfile state: the build's own implementation, or the real helmfile binary.</summary>
public enum HelmfileRendererKind
{
    /// <summary>helmfile's semantics implemented by the build, charts rendered with real helm (the default).</summary>
    Native,

    /// <summary><c>helmfile template</c> from PATH, per cluster, for states using what the native renderer refuses.</summary>
    Helmfile,
}
