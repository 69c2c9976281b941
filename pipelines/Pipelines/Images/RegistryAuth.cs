using System.Text;
using System.Text.Json;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Tools;

namespace Pipelines.Images;

/// <summary>
/// Credentials for ECR and GHCR, written as a containers auth file (<c>{"auths":{host:{"auth":...}}}</c>), which
/// buildah and skopeo take as <c>--authfile</c> and docker as <c>$DOCKER_CONFIG/config.json</c>. This is what
/// <c>aws ecr get-login-password | buildah login --password-stdin</c> produces, without the password ever
/// being a command-line argument. The file is created readable by its owner only (never wider, not even for a
/// moment), in a folder of its own under .nuke/temp, and deleted when the push is over.
/// </summary>
internal static class RegistryAuth
{
    /// <summary>The auth file for the registry, or null when it needs none (or docker's own login is used).</summary>
    public static async Task<RegistryLogin?> LoginAsync(
        IContainerImage build,
        RegistryTarget registry,
        CancellationToken ct
    )
    {
        string? user = null;
        string? password = null;
        if (registry.EcrRegion is { } region)
        {
            (user, password) = ("AWS", await EcrPasswordAsync(region, ct));
        }
        else if (registry.IsGhcr)
        {
            password =
                build.RegistryToken
                ?? throw new UsageException(
                    "Pushing to ghcr.io needs a token: set PIPELINES_REGISTRY_TOKEN (a GitHub token with packages:write)."
                );
            user = Environment.GetEnvironmentVariable("GITHUB_ACTOR") is { Length: > 0 } actor
                ? actor
                : "pipelines";
        }
        if (password is null)
        {
            return null;
        }
        return await WriteAsync(
            build.TemporaryDirectory / $"registry-auth-{Guid.NewGuid():N}",
            registry.Host,
            user!,
            password,
            ct
        );
    }

    /// <summary>Writes <c>&lt;folder&gt;/config.json</c> (0600; the folder 0700) for one registry host.</summary>
    internal static async Task<RegistryLogin> WriteAsync(
        string folder,
        string host,
        string user,
        string password,
        CancellationToken ct
    )
    {
        Log.RegisterSecret(password);
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        Log.RegisterSecret(auth);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnly | UnixFileMode.UserExecute);
        }
        var login = new RegistryLogin(folder, user, password);
        var json = JsonSerializer.Serialize(
            new { auths = new Dictionary<string, object> { [host] = new { auth } } }
        );
        await AtomicFile.WriteAllTextAsync(login.Path, json, OwnerOnly, ct);
        return login;
    }

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static async Task<string> EcrPasswordAsync(string region, CancellationToken ct)
    {
        var command = ToolCommand
            .For("aws")
            .WithArguments("ecr", "get-login-password", "--region", region)
            .WithInheritedSecrets(ToolCommand.AwsCredentials);
        try
        {
            var result = await ToolRunner.Default.RunAsync(command, ToolOutput.Capture, ct);
            return result.StandardOutput.Trim();
        }
        catch (ToolException exception) when (exception.ExitCode is null)
        {
            throw new UsageException(
                $"Pushing to ECR logs in with `{command.CommandLine}`, but the AWS CLI (aws) is not installed or not on PATH. Install AWS CLI v2, or push to another --registry."
            );
        }
    }
}

/// <summary>
/// An auth file that lives as long as the push: disposing it deletes the file and its folder. The user and
/// password stay in memory too, for PushImage's own reads of the registry's API (<see cref="RegistryClient"/>).
/// </summary>
internal sealed class RegistryLogin(string folder, string user, string password) : IDisposable
{
    public string User => user;

    /// <summary>Registered as a secret when the login was written: masked wherever it would be printed.</summary>
    public string Password => password;

    /// <summary><c>config.json</c>: buildah's and skopeo's <c>--authfile</c>, docker's <c>$DOCKER_CONFIG</c>.</summary>
    public string Path { get; } = System.IO.Path.Combine(folder, "config.json");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
