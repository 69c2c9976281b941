namespace Pipelines.Sync;

internal sealed partial class ClusterSync
{
    /// <summary>
    /// Runs a hook: with <c>before-hook-creation</c> (helm's default) the previous run's object is deleted and
    /// gone first, since a Job's template cannot change; then the hook is created like any object.
    /// </summary>
    private async Task<(ObjectReport Report, Dictionary<string, object?>? Live)> RunHookAsync(
        Desired item,
        ObjectReport before,
        CancellationToken cancellationToken
    )
    {
        if (item.Hook!.BeforeHookCreation)
        {
            // No uid: whichever object the previous run left under the hook's name goes.
            await api.DeleteAsync(
                item.Type,
                item.Namespace,
                item.Name,
                uid: null,
                options.DryRun,
                cancellationToken
            );
            if (!options.DryRun && !await GoneAsync(item, cancellationToken))
            {
                return (
                    before with
                    {
                        Health = Health.Degraded,
                        Message = Join(
                            before.Message,
                            $"the previous run was still being deleted after {options.HealthTimeout.TotalSeconds:F0}s"
                        ),
                    },
                    null
                );
            }
        }
        return await ApplyOneAsync(item, null, before, cancellationToken);
    }

    /// <summary>Deletes the hooks of a finished wave as their <c>helm.sh/hook-delete-policy</c> asks.</summary>
    private async Task CleanUpHooksAsync(
        List<(Desired Item, int Index)> wave,
        List<ObjectReport> result,
        CancellationToken cancellationToken
    )
    {
        foreach (var (item, index) in wave.Where(p => p.Item.Hook is not null))
        {
            var health = result[index].Health;
            var policy =
                health == Health.Healthy && item.Hook!.DeleteOnSuccess ? "hook-succeeded"
                : health == Health.Degraded && item.Hook!.DeleteOnFailure ? "hook-failed"
                : null;
            if (policy is null)
            {
                continue;
            }
            await api.DeleteAsync(
                item.Type,
                item.Namespace,
                item.Name,
                uid: null,
                dryRun: false,
                cancellationToken
            );
            result[index] = result[index] with
            {
                Message = Join(result[index].Message, $"deleted ({policy})"),
            };
        }
    }

    private async Task<bool> GoneAsync(Desired item, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.HealthTimeout;
        while (
            await api.GetAsync(item.Type, item.Namespace, item.Name, cancellationToken) is not null
        )
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }
            await Task.Delay(options.HealthPollInterval, cancellationToken);
        }
        return true;
    }
}
