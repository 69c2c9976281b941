using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.GoTemplates;
using Pipelines.Helmfile;
using Pipelines.Helmfile.State;

namespace Pipelines.ConfigRepo.Bump;

/// <summary>
/// Which values file holds an app's image for an environment, checked against the config repo itself: the app must
/// have a values folder and the environment must be one its helmfile declares. Both are usage errors with choices.
/// </summary>
internal sealed record BumpTarget(string App, string Env, string ValuesFile)
{
    /// <summary>The config repo's layout: values/apps/&lt;app&gt;/&lt;env&gt;.yaml beside helmfile.yaml.</summary>
    public const string DefaultValuesFile = "helmfile/values/apps/{app}/{env}.yaml";

    public const string HelmfileFile = "helmfile/helmfile.yaml";

    public static BumpTarget Resolve(
        ConfigWorkspace workspace,
        string app,
        string env,
        string valuesFileTemplate
    )
    {
        var file = valuesFileTemplate.Replace("{app}", app).Replace("{env}", env);
        CheckEnvironment(workspace, env);
        var appFolder = Path.GetDirectoryName(
            valuesFileTemplate.Replace("{env}", env).Replace("{app}", app)
        )!;
        if (
            valuesFileTemplate.Contains("{app}", StringComparison.Ordinal)
            && !Directory.Exists(workspace.Root / appFolder)
        )
        {
            var parent = workspace.Root / Path.GetDirectoryName(appFolder)!;
            var apps = Directory.Exists(parent)
                ? Directory
                    .GetDirectories(parent)
                    .Select(Path.GetFileName)
                    .OfType<string>()
                    .Order()
                    .ToList()
                : [];
            throw new UsageException(
                $"Unknown app '{app}': the config repo has no {appFolder}/."
                    + Closest(app, apps)
                    + (apps.Count == 0 ? "" : $" Apps: {string.Join(", ", apps)}.")
                    + " Add the app's values folder first, or check --app and --values-file."
            );
        }
        return new BumpTarget(app, env, file);
    }

    private static void CheckEnvironment(ConfigWorkspace workspace, string env)
    {
        if (!workspace.Exists(HelmfileFile))
        {
            return; // a config repo without helmfile.yaml: the values file's own folder is the only check
        }
        var environments = new StateLoader(
            workspace.Root,
            HelmfileTemplates.Context(Environment.GetEnvironmentVariable)
        ).EnvironmentNames(workspace.Root / HelmfileFile);
        if (!environments.Contains(env))
        {
            throw new UsageException(
                $"Unknown environment '{env}'."
                    + Closest(env, environments)
                    + $" Valid: {string.Join(", ", environments)} (from {HelmfileFile} in the config repo)."
            );
        }
    }

    private static string Closest(string input, IEnumerable<string> choices) =>
        Suggestions.Closest(input, choices) is { } close ? $" Did you mean '{close}'?" : "";
}
