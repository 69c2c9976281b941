using Pipelines.Tests.Kubernetes;
using Pipelines.Tests.Sync;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Clusters;

/// <summary>The Deployment and DaemonSet controllers of test API servers: marks workloads rolled out until disposed.</summary>
internal sealed class RolloutController : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RolloutController(params KubeApiTestServer[] servers) =>
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                foreach (var server in servers)
                {
                    await SyncHarness.MarkRolledOutAsync(server);
                }
                await Task.Delay(25, CancellationToken.None);
            }
        });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
