namespace Pipelines.Sync;

internal sealed partial class ClusterSync
{
    /// <summary>A dry run still shows the plan, clearly labelled; a real run fails this cluster.</summary>
    private ClusterReport Unreachable(
        Clusters.ClusterDefinition cluster,
        IReadOnlyList<Desired> desired,
        string reason
    )
    {
        if (!options.DryRun)
        {
            return new ClusterReport(cluster, [], $"{cluster.Name}: {reason}");
        }
        var plan = desired
            .Select(d => Report(d, SyncStatus.Unknown, "would apply; live state unknown", [], ""))
            .ToList();
        return new ClusterReport(cluster, plan, null) { Unreachable = reason };
    }

    private static string Describe(Exception exception) =>
        exception switch
        {
            k8s.Autorest.HttpOperationException http =>
                $"the API server answered {(int)http.Response.StatusCode}: {FirstLine(http.Response.Content)}",
            HttpRequestException =>
                $"cannot reach the API server ({exception.Message}). Check the kube context and network.",
            // Not our cancellation (that is not caught): the client gave up waiting for an answer.
            OperationCanceledException =>
                "the API server did not answer in time (HTTP timeout); nothing after that request was done.",
            InvalidOperationException or IOException or k8s.Exceptions.KubeConfigException =>
                exception.Message,
            _ => $"unexpected {exception.GetType().Name}: {exception.Message}",
        };

    private static string FirstLine(string? text) => (text ?? "").Split('\n')[0];
}
