using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Images;

namespace Pipelines.ConfigRepo.Bump;

/// <summary>
/// The BumpK8sConfig target's steps: one commit for the environments bumped directly, one pull request per environment bumped
/// through review, each through <see cref="ConfigRepoChanges"/> so concurrent bumps never lose one another.
/// </summary>
internal static partial class BumpK8sConfig
{
    public static async Task<IReadOnlyList<KeyValuePair<string, string>>> RunAsync(
        IBumpK8sConfig build,
        CancellationToken ct
    )
    {
        var app = AppName(build.App);
        var envs = new[] { build.Env! }.Concat(build.AlsoEnv).Distinct().ToList();
        if (build.PromoteFrom is { } from && envs.Contains(from))
        {
            throw new UsageException(
                $"--promote-from {from} is also an environment to bump; promote into a different one (e.g. --promote-from stage --env prod)."
            );
        }
        var image = build.PromoteFrom is null ? ImageToBump(build) : null;
        var provenance = new BumpProvenance(image?.Revision, build.PromoteFrom);
        var context = build.ConfigRepoContext;

        var report = new List<KeyValuePair<string, string>>();
        var direct = envs.Where(env => build.DeliveryFor(env) == ConfigDelivery.Commit).ToList();
        if (direct.Count > 0)
        {
            var edit = Edit(build, app, direct, image?.Reference, provenance);
            var result = await ConfigRepoChanges.ApplyAsync(
                new ConfigChange { Via = ConfigDelivery.Commit, Edit = edit },
                context,
                ct
            );
            report.Add(new($"{app} {string.Join(",", direct)}", result.Describe()));
        }
        foreach (var env in envs.Except(direct))
        {
            var result = await ConfigRepoChanges.ApplyAsync(
                new ConfigChange
                {
                    Via = ConfigDelivery.PullRequest,
                    PullRequestBranch = $"bump/{app}/{env}",
                    Edit = Edit(build, app, [env], image?.Reference, provenance),
                },
                context,
                ct
            );
            report.Add(new($"{app} {env}", result.Describe()));
        }
        return report;
    }

    private static Func<ConfigWorkspace, CancellationToken, Task<ConfigEdit?>> Edit(
        IBumpK8sConfig build,
        string app,
        IReadOnlyList<string> envs,
        ImageReference? image,
        BumpProvenance provenance
    ) =>
        (workspace, _) =>
        {
            var source = image ?? PromotedImage(workspace, build, app);
            if (build.TagOnly)
            {
                source = source with { Digest = null };
            }
            var changes = new List<(string Env, ImageChange Change)>();
            foreach (var env in envs)
            {
                var target = BumpTarget.Resolve(workspace, app, env, build.ValuesFile);
                if (
                    new ImageValues(target.ValuesFile, build.ValuesKey).Write(workspace, source) is
                    { } change
                )
                {
                    changes.Add((env, change));
                }
            }
            return Task.FromResult(
                changes.Count == 0 ? null : BumpMessage.For(app, changes, provenance)
            );
        };

    /// <summary>The image that --promote-from's values pin, read from the same clone as the edit.</summary>
    private static ImageReference PromotedImage(
        ConfigWorkspace workspace,
        IBumpK8sConfig build,
        string app
    )
    {
        var from = BumpTarget.Resolve(workspace, app, build.PromoteFrom!, build.ValuesFile);
        return new ImageValues(from.ValuesFile, build.ValuesKey).Read(workspace)
            ?? throw new UsageException(
                $"Nothing to promote: {from.ValuesFile} in the config repo sets no {build.ValuesKey}.tag for {app} in {from.Env}."
            );
    }

    private static (ImageReference Reference, string? Revision)? ImageToBump(IBumpK8sConfig build)
    {
        if (build.Image is { } text)
        {
            return (ImageReference.Parse(text), null);
        }
        if (build.Results.TryGet<PushedImage>() is { } pushedNow)
        {
            return (ImageReference.From(pushedNow), pushedNow.Revision);
        }
        if (!build.ImageManifestFile.FileExists)
        {
            throw new UsageException(
                $"No image to bump: {build.ImageManifestFile} does not exist. Run PushImage first (it writes that file), "
                    + "pass --image repository:tag@sha256:<digest>, or --promote-from <env>."
            );
        }
        var pushed = PushedImage.Read(build.ImageManifestFile);
        return (ImageReference.From(pushed), pushed.Revision);
    }

    /// <summary>--app may be a build context path for BuildImage; its folder name is the app.</summary>
    /// <summary>
    /// The app's plain name (the last folder of a build-context path): it becomes a folder of the values file path,
    /// so "..", "." or anything but a name would point the bump at another file (helmfile/values/apps/../test.yaml).
    /// </summary>
    internal static string AppName(string app)
    {
        var name = Path.GetFileName(app.TrimEnd('/', Path.DirectorySeparatorChar));
        if (!PlainName().IsMatch(name))
        {
            throw new UsageException(
                $"--app '{app}' is not a plain app name (letters, digits, '.', '_', '-', starting with a letter or "
                    + "digit; no '/', '..' or spaces). Give the app's folder name, e.g. --app web."
            );
        }
        return name;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    private static partial System.Text.RegularExpressions.Regex PlainName();
}
