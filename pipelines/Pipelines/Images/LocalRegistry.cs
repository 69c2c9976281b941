using System.Net;
using System.Net.Sockets;
using Pipelines.Engine;
using Pipelines.Tools;

namespace Pipelines.Images;

/// <summary>
/// A real registry (<c>docker-registry serve</c>) on 127.0.0.1 and a free port, with its storage in a folder
/// that outlives it. The process runs through <see cref="ToolRunner"/> under a cancellation token this object
/// holds; disposing it cancels the token, which kills the process, and waits for it to be gone.
/// </summary>
internal sealed class LocalRegistry : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _process;

    private LocalRegistry(int port, Task process, CancellationTokenSource stop)
    {
        Port = port;
        _process = process;
        _stop = stop;
    }

    public int Port { get; }

    public string Host => $"127.0.0.1:{Port}";

    /// <summary>Where <c>--registry local</c> keeps its storage: one folder for every run of the build.</summary>
    public static AbsolutePath DirectoryFor(IPipelineBuild build) =>
        build.TemporaryDirectory / "registry";

    /// <param name="directory">Where its config (and, by default, its storage) lives.</param>
    /// <param name="ct">Stops the wait for it to answer.</param>
    /// <param name="storage">The images' folder (default <c>directory/data</c>): a second registry may serve another's.</param>
    /// <param name="htpasswd">An htpasswd file (bcrypt) that puts the registry behind basic auth, as distribution's
    /// <c>htpasswd</c> backend does: 401 with <c>WWW-Authenticate</c> without the right password.</param>
    public static async Task<LocalRegistry> StartAsync(
        string directory,
        CancellationToken ct,
        string? storage = null,
        string? htpasswd = null
    )
    {
        var port = FreePort();
        var config = Path.Combine(directory, "config.yml");
        storage ??= Path.Combine(directory, "data");
        Directory.CreateDirectory(storage);
        await AtomicFile.WriteAllTextAsync(config, Config(storage, port, htpasswd), ct);
        var stop = new CancellationTokenSource();
        var command = ToolCommand.For("docker-registry").WithArguments("serve", config);
        var process = ToolRunner.Default.RunAsync(command, ToolOutput.Capture, stop.Token);
        var registry = new LocalRegistry(port, process, stop);
        try
        {
            await registry.WaitUntilAnsweringAsync(ct);
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }
        return registry;
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            if (_process.IsCompleted)
            {
                await _process; // Throws the ToolException with docker-registry's own error.
                throw new InvalidOperationException("docker-registry exited before it answered.");
            }
            try
            {
                using var response = await http.GetAsync($"http://{Host}/v2/", ct);
                // 401: it answers, behind the basic auth it was started with.
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException(
                    $"docker-registry on {Host} did not answer /v2/ within 15 s."
                );
            }
            await Task.Delay(50, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _process;
        }
        catch (OperationCanceledException)
        {
            // The expected end: the process was killed on purpose.
        }
        catch (ToolException)
        {
            // It had already failed; WaitUntilAnswering reported why.
        }
        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Config(string storage, int port, string? htpasswd) =>
        $"""
            version: 0.1
            log:
              level: warn
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {storage}
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{port}
            """
        + (
            htpasswd is null
                ? ""
                : $"""

                    auth:
                      htpasswd:
                        realm: pipelines
                        path: {htpasswd}
                    """
        );
}
