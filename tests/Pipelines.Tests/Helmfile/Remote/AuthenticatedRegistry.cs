using Pipelines.Images;

namespace Pipelines.Tests.Helmfile.Remote;

/// <summary>
/// A second real docker-registry over the storage another one filled, behind basic auth as distribution's
/// <c>htpasswd</c> backend does it (bcrypt hashes; 401 with <c>WWW-Authenticate</c> without the right password).
/// </summary>
internal sealed class AuthenticatedRegistry : IAsyncDisposable
{
    private readonly LocalRegistry _registry;

    private AuthenticatedRegistry(LocalRegistry registry) => _registry = registry;

    /// <summary><c>127.0.0.1:PORT</c>.</summary>
    public string Host => _registry.Host;

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
        return new AuthenticatedRegistry(
            await LocalRegistry.StartAsync(directory, default, storage, htpasswd)
        );
    }

    public ValueTask DisposeAsync() => _registry.DisposeAsync();
}
