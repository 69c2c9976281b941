using Pipelines.ConfigRepo.Bump;
using Pipelines.Engine;

namespace Pipelines.ConfigRepo.Publish;

/// <summary>PublishChanges' work: this checkout's patch, replayed on the config repo's newest HEAD.</summary>
internal static class ChangePublishing
{
    public static async Task<string> RunAsync(IConfigRepoPublish build, CancellationToken ct)
    {
        var env = build.Env!;
        var patch = await WorkingTreePatch.ReadAsync(build.RootDirectory, build.PublishPaths, ct);
        if (patch.IsEmpty)
        {
            Log.Info(
                $"Nothing changed under {string.Join(", ", build.PublishPaths)}: nothing to publish."
            );
            return "nothing changed";
        }
        var subject = build.PublishMessage ?? $"{env}: cluster lifecycle changes";
        var body =
            "files:\n"
            + string.Join("\n", patch.Files.Select(f => "  " + f))
            + (new BumpProvenance(null, null).RunUrl is { } run ? $"\nrun: {run}" : "");
        var result = await ConfigRepoChanges.ApplyAsync(
            new ConfigChange
            {
                Repository = build.ConfigRepository,
                Branch = build.ConfigBranch,
                Via = build.DeliveryFor(env),
                PullRequestBranch = $"lifecycle/{env}",
                Edit = async (workspace, token) =>
                {
                    await patch.ApplyAsync(workspace, token);
                    return new ConfigEdit(subject, body) { Labels = ["cluster-lifecycle"] };
                },
            },
            build.ConfigRepoContext,
            ct
        );
        return !result.Changed ? "already in the config repo"
            : result.PullRequest is { } pr ? $"PR #{pr.Number}"
            : result.Commit is { } commit
                ? $"{patch.Files.Count} files in {ConfigRepoChanges.ShortSha(commit)}"
            : "dry run";
    }
}
