using Pipelines.ConfigRepo.Bump;
using Pipelines.Engine;

namespace Pipelines.ConfigRepo.Publish;

/// <summary>
/// PublishChanges' work: this checkout's patch, replayed on the config repo's newest HEAD. Only from the base branch;
/// a change to the workflows always goes as a pull request, whatever the environment.
/// </summary>
internal static class ChangePublishing
{
    public const string WorkflowsPath = ".github/workflows/";

    public static async Task<string> RunAsync(
        IConfigRepoPublish build,
        string env,
        string? message,
        CancellationToken ct
    )
    {
        await PublishSource.EnsureOnBaseBranchAsync(build, "PublishChanges", ct);
        await build.RegenerateAsync(ct);
        var patch = await WorkingTreePatch.ReadAsync(build.RootDirectory, build.PublishPaths, ct);
        if (patch.IsEmpty)
        {
            Log.Info(
                $"Nothing changed under {string.Join(", ", build.PublishPaths)}: nothing to publish."
            );
            return "nothing changed";
        }
        var subject = message ?? $"{env}: cluster lifecycle changes";
        // The workflows decide what runs with which credentials: a change to them is always reviewed.
        var workflows = patch.Files.Any(f => f.StartsWith(WorkflowsPath, StringComparison.Ordinal));
        if (workflows && build.DeliveryFor(env) != ConfigDelivery.PullRequest)
        {
            Log.Info($"The change touches {WorkflowsPath}: it goes as a pull request.");
        }
        var body =
            "files:\n"
            + string.Join("\n", patch.Files.Select(f => "  " + f))
            + (new BumpProvenance(null, null).RunUrl is { } run ? $"\nrun: {run}" : "");
        var result = await ConfigRepoChanges.ApplyAsync(
            new ConfigChange
            {
                Via = workflows ? ConfigDelivery.PullRequest : build.DeliveryFor(env),
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
        return result.Describe();
    }
}
