using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.GoTemplates;
using Pipelines.Helmfile;
using Pipelines.Helmfile.State;
using Pipelines.Yaml.Editing;

namespace Pipelines.ConfigRepo.Onboarding;

/// <summary>
/// The files AddApp writes in a config repo clone: the release appended to helmfile.yaml in the shape of the
/// existing apps (through the comment-preserving editor), <c>values/apps/&lt;app&gt;/values.yaml.gotmpl</c>, an empty
/// image pin per environment the app runs in, and <c>&lt;app&gt;.enabled</c> in each environment's own values file.
/// </summary>
internal static class AppFiles
{
    /// <summary>The commit: the release, its values, and the app switched on in <paramref name="on"/> only.</summary>
    public static ConfigEdit Add(
        ConfigWorkspace workspace,
        AppRequest request,
        IReadOnlyList<string> on
    )
    {
        var helmfile = Read(workspace, request.HelmfileFile);
        var (releasesIndex, releases) = helmfile.Holding("releases");
        if (
            releases.Exists(Release(request.App))
            || workspace.Exists(PinFile(request, "values.yaml.gotmpl"))
        )
        {
            throw new UsageException(
                $"{request.App} is already an app of the config repo ({request.HelmfileFile} has its release or "
                    + $"{AppFolder(request)}/ exists). BumpK8sConfig pins its image; to add another, pick another --app. "
                    + "If an earlier AddApp of it stopped before its pull requests, run AddApp again with --resume."
            );
        }
        var environments = EnvironmentFiles(workspace, helmfile, request);
        workspace.Write(
            request.HelmfileFile,
            helmfile.With(releasesIndex, AppendRelease(releases, request)).Text
        );
        workspace.Write(PinFile(request, "values.yaml.gotmpl"), CommonValues(request.App));
        foreach (var (env, file) in environments)
        {
            SetEnabled(workspace, file, request.App, on.Contains(env));
            if (on.Contains(env))
            {
                workspace.Write(PinFile(request, $"{env}.yaml"), EmptyPin(env));
            }
        }
        return new ConfigEdit(
            $"AddApp: {request.App}",
            $"Adds app {request.App} (namespace {request.Namespace}, chart {request.Chart}) to {request.HelmfileFile}, "
                + $"switched on in {(on.Count == 0 ? "no environment yet" : string.Join(", ", on))} with an empty image "
                + "pin that its repository's BumpK8sConfig fills. No cluster's carries: changed."
        )
        {
            Labels = ["add-app"],
        };
    }

    /// <summary>A pull request's edit: the app switched on in <paramref name="env"/>, with its empty pin.</summary>
    public static ConfigEdit? Enable(
        ConfigWorkspace workspace,
        AppRequest request,
        string env,
        bool resuming = false
    )
    {
        var helmfile = Read(workspace, request.HelmfileFile);
        // A resumed addition finishes what an earlier run committed; without that commit there is nothing to finish.
        if (resuming && !helmfile.Holding("releases").Editor.Exists(Release(request.App)))
        {
            throw new UsageException(
                $"--resume: {request.App} is not in {request.HelmfileFile} on the config branch, so there is no "
                    + "addition to finish. Run AddApp without --resume to add it."
            );
        }
        var file = EnvironmentFiles(workspace, helmfile, request).First(e => e.Env == env).File;
        var pin = PinFile(request, $"{env}.yaml");
        var already =
            workspace.Exists(pin)
            && YamlEditor.Parse(workspace.Read(file), file).GetScalar(Enabled(request.App))
                == "true";
        if (already)
        {
            return null;
        }
        SetEnabled(workspace, file, request.App, true);
        if (!workspace.Exists(pin))
        {
            workspace.Write(pin, EmptyPin(env));
        }
        return new ConfigEdit(
            $"AddApp: {request.App} in {env}",
            $"Switches app {request.App} on in {env} with an empty image pin ({pin}); its repository's BumpK8sConfig "
                + $"--env {env} fills it."
        )
        {
            Labels = ["add-app"],
        };
    }

    private static HelmfileDocuments Read(ConfigWorkspace workspace, string file) =>
        workspace.Exists(file)
            ? HelmfileDocuments.Split(workspace.Read(file), file)
            : throw new UsageException(
                $"The config repo has no {file}. Pass --config-repo with the repository that holds it."
            );

    /// <summary>
    /// The same shape as the existing apps (the first release labelled tier: app lends its needs): name, namespace,
    /// chart, labels tier and app, needs, condition &lt;app&gt;.enabled, the common and the per-environment values.
    /// </summary>
    private static YamlEditor AppendRelease(YamlEditor releases, AppRequest request)
    {
        var needs = ExistingApp(releases) is { } app
            ? releases.GetScalarSequence(YamlPath.Parse($"{app}.needs"))
            : [];
        var release = Release(request.App);
        var editor = releases
            .AppendMapping(
                YamlPath.Parse("releases"),
                [
                    new("name", request.App),
                    new("namespace", request.Namespace),
                    new("chart", request.Chart),
                ]
            )
            .SetScalar(YamlPath.Parse($"{release}.labels.tier"), "app")
            .SetScalar(YamlPath.Parse($"{release}.labels.app"), request.App);
        foreach (var need in needs)
        {
            editor = editor.AppendToSequence(YamlPath.Parse($"{release}.needs"), need);
        }
        return editor
            .SetScalar(YamlPath.Parse($"{release}.condition"), $"{request.App}.enabled")
            .AppendToSequence(
                YamlPath.Parse($"{release}.values"),
                $"values/apps/{request.App}/values.yaml.gotmpl"
            )
            .AppendToSequence(
                YamlPath.Parse($"{release}.values"),
                $"values/apps/{request.App}/{{{{ .Environment.Name }}}}.yaml"
            );
    }

    private static string? ExistingApp(YamlEditor releases)
    {
        for (var i = 0; releases.Exists(YamlPath.Parse($"releases[{i}]")); i++)
        {
            if (releases.GetScalar(YamlPath.Parse($"releases[{i}].labels.tier")) == "app")
            {
                return $"releases[{i}]";
            }
        }
        return null;
    }

    /// <summary>
    /// Every environment helmfile.yaml declares, with its own values file: the last of its <c>values:</c>
    /// (values/&lt;env&gt;.yaml). An environment AddApp was not asked for is listed too: it gets the app switched off.
    /// </summary>
    private static List<(string Env, string File)> EnvironmentFiles(
        ConfigWorkspace workspace,
        HelmfileDocuments helmfile,
        AppRequest request
    )
    {
        var declared = new StateLoader(
            workspace.Root,
            HelmfileTemplates.Context(Environment.GetEnvironmentVariable)
        ).EnvironmentNames(workspace.Root / request.HelmfileFile);
        foreach (var env in request.Envs.Where(e => !declared.Contains(e)))
        {
            throw new UsageException(
                $"--envs {env}: {request.HelmfileFile} in the config repo declares no such environment."
                    + (
                        Suggestions.Closest(env, declared) is { } close
                            ? $" Did you mean '{close}'?"
                            : ""
                    )
                    + $" Valid: {string.Join(", ", declared)}."
            );
        }
        var (_, environments) = helmfile.Holding("environments");
        var folder = Path.GetDirectoryName(request.HelmfileFile) ?? "";
        var found = new List<(string, string)>();
        foreach (var env in declared)
        {
            var values = environments.GetScalarSequence(
                YamlPath.Parse($"environments.{env}.values")
            );
            if (values.Count == 0 || values[^1].Contains("{{", StringComparison.Ordinal))
            {
                throw new UsageException(
                    $"{request.HelmfileFile}: environment {env} has no values file of its own to switch {request.App} "
                        + "on or off in (the last of its values:, e.g. values/<env>.yaml)."
                );
            }
            found.Add((env, Path.Combine(folder, values[^1]).Replace('\\', '/')));
        }
        return found;
    }

    private static void SetEnabled(ConfigWorkspace workspace, string file, string app, bool on)
    {
        var editor = YamlEditor.Parse(workspace.Exists(file) ? workspace.Read(file) : "", file);
        workspace.Write(file, editor.SetBoolean(Enabled(app), on).Text);
    }

    private static YamlPath Release(string app) => YamlPath.Parse($"releases[name={app}]");

    private static YamlPath Enabled(string app) => YamlPath.Parse($"{app}.enabled");

    private static string AppFolder(AppRequest request) =>
        Path.Combine(
                Path.GetDirectoryName(request.HelmfileFile) ?? "",
                "values",
                "apps",
                request.App
            )
            .Replace('\\', '/');

    private static string PinFile(AppRequest request, string name) =>
        $"{AppFolder(request)}/{name}";

    private static string EmptyPin(string env) =>
        $"""
            # The image CI built and pushed for {env}. BumpK8sConfig rewrites tag and digest; keep the keys.
            image:
              repository: ""
              tag: ""
              digest: ""

            """;

    private static string CommonValues(string app) =>
        $$"""
            # {{app}}'s values for every environment (added by AddApp); <env>.yaml beside it pins the image.
            replicaCount: 1
            containerPort: 8080
            config:
              ENVIRONMENT: {{"{{"}} .Environment.Name | quote {{"}}"}}
            ingress:
              enabled: true
              className: alb
              hosts:
                - host: {{app}}.{{"{{"}} .Values.domain {{"}}"}}
                  paths:
                    - path: /
                      pathType: Prefix

            """;
}
