using System.Net;
using k8s.Autorest;

namespace Pipelines.Sync;

internal sealed partial class ClusterSync
{
    /// <summary>Applies one object; returns its report and the live object the server answered with.</summary>
    private async Task<(ObjectReport Report, Dictionary<string, object?>? Live)> ApplyOneAsync(
        Desired item,
        Dictionary<string, object?>? live,
        ObjectReport before,
        CancellationToken cancellationToken
    )
    {
        var ours =
            live is not null
            && Tracking.Of(live)?.StartsWith($"{environment}/", StringComparison.Ordinal) == true;
        var adopted =
            live is not null
            && Tracking
                .Of(live)
                ?.StartsWith($"{environment}/{clusterName}/", StringComparison.Ordinal) != true;
        // --adopt takes the object over, as helm's adoption does: fields other managers set follow Git from now on.
        var force = options.ForceConflicts ?? (live is null || ours || adopted);
        try
        {
            // ignoreDifferences holds on apply too (Argo CD's RespectIgnoreDifferences): ignored fields keep their live value.
            var body = live is null
                ? item.Manifest
                : Diff.IgnoredFields.KeepLive(item.Manifest, live, options.IgnoreDifferences);
            var applied = await api.ApplyAsync(body, force, options.DryRun, cancellationToken);
            return (
                options.DryRun
                    ? before with
                    {
                        Message = Join(before.Message, "would apply (server dry run accepted)"),
                    }
                    : before with
                    {
                        Status = SyncStatus.Synced,
                        Message = Join(
                            before.Message,
                            before.Status == SyncStatus.Missing ? "created"
                                : adopted ? "adopted (--adopt)"
                                : "applied"
                        ),
                    },
                options.DryRun ? null : applied
            );
        }
        catch (HttpOperationException exception)
            when (options.DryRun
                && exception.Response.StatusCode == HttpStatusCode.NotFound
                && item.Namespace is not null
            )
        {
            // A dry run creates no namespace, so the server cannot place objects in one this sync would create.
            return (
                before with
                {
                    Message = Join(
                        before.Message,
                        $"would apply once namespace {item.Namespace} exists"
                    ),
                },
                null
            );
        }
        catch (HttpOperationException exception)
            when (exception.Response.StatusCode
                    is HttpStatusCode.Conflict
                        or HttpStatusCode.UnprocessableEntity
                        or HttpStatusCode.BadRequest
                        or HttpStatusCode.Forbidden
                        or HttpStatusCode.NotFound
            )
        {
            var answer = Status(exception.Response.Content);
            var hint =
                exception.Response.StatusCode == HttpStatusCode.Conflict && !force
                    ? " (another field manager owns these fields; pass --force-conflicts to take them)"
                    : "";
            return (
                before with
                {
                    Health = Health.Degraded,
                    Message = $"apply failed: {answer}{hint}",
                },
                null
            );
        }
        catch (HttpOperationException exception) when ((int)exception.Response.StatusCode >= 500)
        {
            // Still failing after the retries: the cluster fails, and the error names the object it stopped at.
            throw new InvalidOperationException(
                $"applying {item.Type.Kind} {item.Namespace}/{item.Name} failed after retries: the API server answered "
                    + $"{(int)exception.Response.StatusCode}: {Status(exception.Response.Content)}",
                exception
            );
        }
    }

    private static string Join(string first, string second) =>
        first.Length == 0 ? second : $"{first}; {second}";

    /// <summary>The message of a Kubernetes Status answer, or the raw text.</summary>
    private static string Status(string? content)
    {
        try
        {
            var data = Diff.JsonData.ParseObject(content ?? "{}");
            return data.GetValueOrDefault("message") as string ?? content ?? "";
        }
        catch (System.Text.Json.JsonException)
        {
            return content ?? "";
        }
    }
}
