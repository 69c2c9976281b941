using Pipelines.ConfigRepo;
using Pipelines.Engine;
using Pipelines.GitHubActions;
using Pipelines.Images;

/// <summary>
/// APP_NAME's build, composed from the Pipelines package's components: BuildImage and PushImage (IContainerImage),
/// BumpK8sConfig (IBumpK8sConfig) and GenerateWorkflows (IGitHubWorkflows, declared in Build.Workflows.cs).
/// Run <c>./build.sh --help</c> for every target and parameter.
/// </summary>
partial class Build : PipelineBuild, IContainerImage, IBumpK8sConfig, IGitHubWorkflows
{
    public static int Main() => Execute<Build>(x => ((IContainerImage)x).BuildImage);

    /// <summary>The app's folder: its Dockerfile and what the image serves. Its name is the image's and the release's.</summary>
    const string AppFolder = "./APP_NAME";

    /// <summary>The config repository this app is deployed from, given when the repository was created.</summary>
    const string ConfigRepository = "CONFIG_REPO_LOCATION";

    string IContainerImage.App => Parameter(() => ((IContainerImage)this).App) ?? AppFolder;

    string? IConfigRepoAccess.ConfigRepo =>
        Parameter(() => ((IConfigRepoAccess)this).ConfigRepo) ?? ConfigRepository;

    /// <summary>A value given on the command line, in the environment or in .nuke/parameters.json, else null.</summary>
    T? Parameter<T>(System.Linq.Expressions.Expression<Func<T>> parameter) =>
        ((IPipelineBuild)this).TryGetValue(parameter);
}
