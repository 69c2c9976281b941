using Pipelines.Engine;

namespace Pipelines.GitHubActions.Generation;

/// <summary>
/// The targets and parameters of a build, found the way the engine finds them when it runs (and the way the schema
/// generator does), so a workflow can only name what <c>./build.sh</c> will accept.
/// </summary>
internal sealed class BuildCatalog
{
    private BuildCatalog(
        IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyList<BuildParameter> parameters
    ) => (Targets, Parameters) = (targets, parameters);

    public IReadOnlyList<ExecutableTarget> Targets { get; }
    public IReadOnlyList<BuildParameter> Parameters { get; }

    public static BuildCatalog Of(IPipelineBuild build) =>
        new(TargetDiscovery.Discover(build), ParameterDiscovery.Discover(build));

    /// <summary>The target's declared name; an unknown one is an error naming the place, a suggestion and the list.</summary>
    public string Target(string name, string where) =>
        TargetNames.Resolve(Targets, name, $" in {where}").Name;

    /// <summary>The parameter; an unknown one is an error naming the place, a suggestion and where to look.</summary>
    public BuildParameter Parameter(string name, string where) =>
        ParameterNames.Match(Parameters, name)
        ?? throw new BuildDefinitionException(
            $"Unknown parameter '{name}' in {where}."
                + ParameterNames.DidYouMean(Parameters, name, p => p.Name, "")
                + " Use nameof() on a [Parameter] member of the build or of a component it implements; "
                + "./build.sh --help lists them."
        );
}
