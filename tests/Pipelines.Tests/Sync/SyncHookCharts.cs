using k8s;
using k8s.Models;
using Pipelines.Tests.Kubernetes;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Sync;

/// <summary>Chart templates with helm hooks and Jobs, and the Job controller's part for the test servers.</summary>
internal static class SyncHookCharts
{
    /// <summary>A Job, as a hook when <paramref name="hook"/> is given, else in <paramref name="wave"/>.</summary>
    public static (string File, string Yaml) Job(
        string name,
        string? hook = null,
        string? deletePolicy = null,
        string? wave = null
    ) =>
        (
            $"{name}.yaml",
            $"apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {name}\n  namespace: {{{{ .Release.Namespace }}}}\n"
                + Annotations(hook, deletePolicy, wave)
                + "spec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n"
                + $"        - name: {name}\n          image: busybox:1.36\n"
        );

    /// <summary>A ConfigMap hook (healthy once applied).</summary>
    public static (string File, string Yaml) ConfigMapHook(
        string name,
        string hook,
        string? deletePolicy = null,
        string data = "value"
    ) =>
        (
            $"{name}.yaml",
            $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: {{{{ .Release.Namespace }}}}\n"
                + Annotations(hook, deletePolicy, null)
                + $"data:\n  key: {data}\n"
        );

    private static string Annotations(string? hook, string? deletePolicy, string? wave)
    {
        var lines = new List<string>();
        if (hook is not null)
        {
            lines.Add($"    helm.sh/hook: {hook}");
        }
        if (deletePolicy is not null)
        {
            lines.Add($"    helm.sh/hook-delete-policy: {deletePolicy}");
        }
        if (wave is not null)
        {
            lines.Add($"    pipelines/sync-wave: \"{wave}\"");
        }
        return lines.Count == 0 ? "" : "  annotations:\n" + string.Join("\n", lines) + "\n";
    }

    /// <summary>What the Job controller reports when every Job's pod finished (succeeded, or failed for good).</summary>
    public static async Task FinishJobsAsync(KubeApiTestServer server, bool failed = false)
    {
        using var client = server.CreateClient();
        var jobs = await client.BatchV1.ListJobForAllNamespacesAsync();
        foreach (
            var job in jobs.Items.Where(j => j.Status is null or { Succeeded: null, Failed: null })
        )
        {
            V1JobStatus status = failed
                ? new V1JobStatus
                {
                    Failed = 1,
                    Conditions =
                    [
                        new V1JobCondition
                        {
                            Type = "Failed",
                            Status = "True",
                            Reason = "BackoffLimitExceeded",
                            Message = "Job has reached the specified backoff limit",
                        },
                    ],
                }
                : new V1JobStatus { Succeeded = 1 };
            server.SetStatus(
                "batch/v1",
                "jobs",
                job.Metadata.NamespaceProperty,
                job.Metadata.Name,
                status
            );
        }
    }

    /// <summary>Finishes Jobs on both clusters until cancelled, as the Job controller would (all failed if asked).</summary>
    public static async Task RunJobsAsync(
        SyncHarness harness,
        CancellationToken cancellationToken,
        bool failed = false
    )
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await FinishJobsAsync(harness.Blue, failed);
                await FinishJobsAsync(harness.Green, failed);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // a hook Job deleted between the list and the status write; the next round sees the truth
            }
            await Task.Delay(25, CancellationToken.None);
        }
    }
}
