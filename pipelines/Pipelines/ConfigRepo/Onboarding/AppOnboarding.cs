using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.ConfigRepo.Onboarding;

/// <summary>
/// AddApp's work, through <see cref="ConfigRepoChanges"/> like BumpK8sConfig: one commit that adds the release, the
/// app's values and, for the environments changed directly, the app switched on with an empty image pin; then per
/// environment changed through review (prod), a pull request that switches it on there. Every environment the app
/// is not switched on in gets <c>&lt;app&gt;.enabled: false</c>, so its render never needs the app's image.
/// </summary>
internal static partial class AppOnboarding
{
    public static async Task<IReadOnlyList<KeyValuePair<string, string>>> RunAsync(
        IAppOnboarding build,
        CancellationToken ct
    )
    {
        var app = DnsLabel(build.App!, "--app");
        var request = new AppRequest(
            app,
            DnsLabel(build.Namespace ?? app, "--namespace"),
            build.Chart,
            build.HelmfileFile.RelativeTo(build.RootDirectory),
            build.Envs.Length > 0 ? build.Envs.Distinct().ToList() : [.. build.EnvironmentNames]
        );
        var direct = request
            .Envs.Where(env => build.DeliveryFor(env) == ConfigDelivery.Commit)
            .ToList();
        var reviewed = request.Envs.Except(direct).ToList();
        var context = build.ConfigRepoContext;
        if (reviewed.Count > 0 && !context.DryRun && context.PullRequests is null)
        {
            // Checked before the commit: AddApp lands whole or not at all.
            throw ConfigRepoChanges.NoPullRequestOpener();
        }
        var report = new List<KeyValuePair<string, string>>();

        if (build.Resume)
        {
            // The commit landed in an earlier run; each pull request's edit checks that the release is there.
            report.Add(new("added", $"already on {build.ConfigBranch} (--resume)"));
        }
        else
        {
            var added = await ConfigRepoChanges.ApplyAsync(
                new ConfigChange
                {
                    Via = ConfigDelivery.Commit,
                    Edit = (workspace, _) =>
                        Task.FromResult<ConfigEdit?>(AppFiles.Add(workspace, request, direct)),
                },
                context,
                ct
            );
            report.Add(
                new(
                    "added",
                    added.Describe()
                        + (direct.Count > 0 ? $"; on in {string.Join(", ", direct)}" : "")
                )
            );
        }
        foreach (var env in reviewed)
        {
            var enabled = await ConfigRepoChanges.ApplyAsync(
                new ConfigChange
                {
                    Via = ConfigDelivery.PullRequest,
                    PullRequestBranch = $"add-app/{app}/{env}",
                    Edit = (workspace, _) =>
                        Task.FromResult(AppFiles.Enable(workspace, request, env, build.Resume)),
                },
                context,
                ct
            );
            report.Add(new(env, enabled.Describe()));
        }
        Log.Info(
            $"{app} is in the config repo. Until its first BumpK8sConfig pins an image in an environment it is switched "
                + $"on in ({string.Join(", ", request.Envs)}), RenderHelmfile fails there on the empty pin: run "
                + $"./build.sh PushImage BumpK8sConfig --env <env> in {app}'s repository next."
        );
        Log.Info(
            "It runs on every cluster whose carries: takes all apps (omitted carries:), not on a new cluster that "
                + $"carries only some. To start it on the newest cluster: ./build.sh MigrateApp --app {app} --env <env> "
                + "--to <cluster> (add --keep-on-old for a parallel run)."
        );
        return report;
    }

    private static string DnsLabel(string value, string parameter) =>
        Label().IsMatch(value)
            ? value
            : throw new UsageException(
                $"{parameter} '{value}' is not a DNS label: lowercase letters, digits and '-', starting with a letter, "
                    + "ending with a letter or digit, at most 63 characters (it names a release, a namespace and an "
                    + "image). Example: web2."
            );

    [GeneratedRegex("^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex Label();
}

/// <summary>What AddApp was asked: the app, its namespace and chart, the helmfile and the environments.</summary>
internal sealed record AppRequest(
    string App,
    string Namespace,
    string Chart,
    string HelmfileFile,
    IReadOnlyList<string> Envs
);
