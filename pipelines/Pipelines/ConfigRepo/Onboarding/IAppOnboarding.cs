using Pipelines.Engine;
using Pipelines.Helmfile;

namespace Pipelines.ConfigRepo.Onboarding;

/// <summary>
/// AddApp as a component: <c>class Build : PipelineBuild, IAppOnboarding</c>. Adds an application to the config
/// repository in the shape of the existing ones (a release in helmfile.yaml, its values, an empty image pin per
/// environment), so the app's own repository can bump it. The change goes the way BumpK8sConfig's do.
/// </summary>
public interface IAppOnboarding : IHelmfileRender, IConfigRepoAccess
{
    [Parameter(
        "The app AddApp adds: a DNS label (lowercase letters, digits, '-'), its release and image name"
    )]
    string? App => TryGetValue(() => App);

    [Parameter("AddApp: the app's namespace (default: the app's name)")]
    string? Namespace => TryGetValue(() => Namespace);

    [Parameter("AddApp: the chart, relative to helmfile.yaml")]
    string Chart => TryGetValue(() => Chart) ?? "../charts/app";

    [Parameter(
        "AddApp: the environments the app runs in (default: every environment helmfile.yaml declares)",
        ValueProvider = nameof(EnvironmentNames)
    )]
    string[] Envs => TryGetValue(() => Envs) ?? [];

    [Parameter(
        "AddApp: finish an addition that stopped after its commit, before its pull requests (e.g. GitHub was down): open them"
    )]
    bool Resume => TryGetValue(() => Resume);

    Target AddApp =>
        _ =>
            _.Description(
                    "Add --app to the config repo: a release in helmfile.yaml, its values and empty image pins (a commit; a PR for prod)"
                )
                .Requires(() => App)
                .Executes(async ct =>
                {
                    foreach (var (key, value) in await AppOnboarding.RunAsync(this, ct))
                    {
                        Report(key, value);
                    }
                });
}
