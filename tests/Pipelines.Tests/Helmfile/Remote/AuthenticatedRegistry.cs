using System.Net;
using System.Net.Sockets;
using Pipelines.Tools;

namespace Pipelines.Tests.Helmfile.Remote;

/// <summary>
/// A second real docker-registry over the storage another one filled, behind basic auth as distribution's
/// <c>htpasswd</c> backend does it (bcrypt hashes; 401 with <c>WWW-Authenticate</c> without the right password).
/// </summary>
internal sealed class AuthenticatedRegistry : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _process;

    private AuthenticatedRegistry(int port, Task process, CancellationTokenSource stop)
    {
        Host = $"127.0.0.1:{port}";
        _process = process;
        _stop = stop;
    }

    /// <summary><c>127.0.0.1:PORT</c>.</summary>
    public string Host { get; }

    public static async Task<AuthenticatedRegistry> StartAsync(
        string directory,
        string storage,
        string username,
        string password
    )
    {
        Directory.CreateDirectory(directory);
        var htpasswd = Path.Combine(directory, "htpasswd");
        await File.WriteAllTextAsync(
            htpasswd,
            $"{username}:{BCrypt.Net.BCrypt.HashPassword(password)}\n"
        );
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var config = Path.Combine(directory, "config.yml");
        await File.WriteAllTextAsync(
            config,
            $"""
            version: 0.1
            log:
              level: warn
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {storage}
            http:
              addr: 127.0.0.1:{port}
            auth:
              htpasswd:
                realm: charts
                path: {htpasswd}
            """
        );
        var stop = new CancellationTokenSource();
        var process = ToolRunner.Default.RunAsync(
            ToolCommand.For("docker-registry").WithArguments("serve", config),
            ToolOutput.Capture,
            stop.Token
        );
        var registry = new AuthenticatedRegistry(port, process, stop);
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var response = await http.GetAsync($"http://{registry.Host}/v2/");
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    return registry;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        await registry.DisposeAsync();
        throw new InvalidOperationException($"docker-registry did not answer on {registry.Host}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _process;
        }
        catch (Exception exception) when (exception is OperationCanceledException or ToolException)
        {
            // Killed on purpose, or it had already failed.
        }
        _stop.Dispose();
    }
}
