using System.Text;
using System.Text.Json;
using Pipelines.Engine;
using Pipelines.Tools;

namespace Pipelines.Images;

/// <summary>
/// Credentials for ECR and GHCR, written as a containers auth file (<c>{"auths":{host:{"auth":...}}}</c>), which
/// buildah and skopeo take as <c>--authfile</c> and docker as <c>$DOCKER_CONFIG/config.json</c>. This is what
/// <c>aws ecr get-login-password | buildah login --password-stdin</c> produces, without the password ever
/// being a command-line argument; the file is readable by its owner only and lives under .nuke/temp.
/// </summary>
internal static class RegistryAuth
{
    /// <summary>The auth file for the registry, or null when it needs none (or docker's own login is used).</summary>
    public static async Task<string?> LoginAsync(
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
        Log.RegisterSecret(password);
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        Log.RegisterSecret(auth);
        var path = build.TemporaryDirectory / "registry-auth" / "config.json";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var json = JsonSerializer.Serialize(
            new { auths = new Dictionary<string, object> { [registry.Host] = new { auth } } }
        );
        await AtomicFile.WriteAllTextAsync(path, json, ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return path;
    }

    private static async Task<string> EcrPasswordAsync(string region, CancellationToken ct)
    {
        var command = ToolCommand
            .For("aws")
            .WithArguments("ecr", "get-login-password", "--region", region);
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
