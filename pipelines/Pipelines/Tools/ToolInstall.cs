using Pipelines.Engine;
using Pipelines.Tools.Helm;

namespace Pipelines.Tools;

/// <summary>One way to get a tool: what the log calls it, and a fetch that writes the tool's files into a folder.</summary>
/// <param name="Description">The source as the log and the error name it: "download https://...", "npm pack ...".</param>
/// <param name="FetchAsync">
/// Writes the tool into its second argument (a fresh folder); the first is scratch space for downloads. Throws an
/// <see cref="IntegrityException"/> when what it got is not the pinned artifact (the install then fails closed,
/// trying no other source), and a network, tool or I/O exception when the source cannot deliver.
/// </param>
internal sealed record ToolSource(
    string Description,
    Func<string, string, CancellationToken, Task> FetchAsync
);

/// <summary>A tool the build installs: its folder's name, its pinned version, its sources in order, its check.</summary>
internal sealed record ToolPackage
{
    /// <summary>The folder under the tools directory (<c>helm</c>, <c>actionlint</c>); also the log's name.</summary>
    public required string Name { get; init; }

    public required string Version { get; init; }

    public required IReadOnlyList<ToolSource> Sources { get; init; }

    /// <summary>
    /// Checks that a folder holds the pinned tool, whole and runnable here, and returns its version as the tool
    /// prints it; throws (<see cref="InvalidDataException"/>, <see cref="ToolException"/>, ...) when it does not.
    /// </summary>
    public required Func<string, CancellationToken, Task<string>> VerifyAsync { get; init; }

    /// <summary>The error when no source worked, from the target folder and what each source answered.</summary>
    public required Func<string, IReadOnlyList<string>, Exception> Unavailable { get; init; }

    /// <summary>Long enough for a slow download by another build; the lock is released when its holder dies.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// The one installer for tools that come as archives or npm packages, pinned in code (a SHA-256 or an npm
/// <c>dist.integrity</c>, checked by the sources; a mismatch fails closed). The cache rules are the same for every
/// tool: <c>&lt;tools&gt;/&lt;name&gt;/</c>, installed under a lock on <c>&lt;tools&gt;/&lt;name&gt;.lock</c> so
/// concurrent builds install once, each source writing into a staging folder beside the target that is verified and
/// then renamed into place: nobody sees half a tool, and a failure leaves nothing behind. A folder that holds another
/// version (the pin moved) is replaced.
/// </summary>
internal static class ToolInstall
{
    /// <summary>The folder of the installed tool; installs it first when it is missing or not the pinned one.</summary>
    public static async Task<string> EnsureAsync(
        string toolsDirectory,
        ToolPackage package,
        CancellationToken cancellationToken
    )
    {
        toolsDirectory = Path.GetFullPath(toolsDirectory);
        var target = Path.Combine(toolsDirectory, package.Name);
        if (await IsInstalledAsync(package, target, cancellationToken))
        {
            return target;
        }
        await using var held = await InstallLock.AcquireAsync(
            Path.Combine(toolsDirectory, package.Name + ".lock"),
            package.LockTimeout,
            cancellationToken
        );
        // Another caller may have installed it while this one waited for the lock.
        if (!await IsInstalledAsync(package, target, cancellationToken))
        {
            await InstallAsync(toolsDirectory, target, package, cancellationToken);
        }
        return target;
    }

    private static async Task<bool> IsInstalledAsync(
        ToolPackage package,
        string target,
        CancellationToken cancellationToken
    )
    {
        if (!Directory.Exists(target))
        {
            return false;
        }
        try
        {
            await package.VerifyAsync(target, cancellationToken);
            return true;
        }
        catch (Exception exception)
            when (!cancellationToken.IsCancellationRequested && IsSourceFailure(exception))
        {
            return false;
        }
    }

    private static async Task InstallAsync(
        string toolsDirectory,
        string target,
        ToolPackage package,
        CancellationToken cancellationToken
    )
    {
        var prefix = $".{package.Name}-install-";
        RemoveLeftovers(toolsDirectory, prefix);
        var staging = Path.Combine(toolsDirectory, prefix + Guid.NewGuid().ToString("N"));
        var staged = Path.Combine(staging, package.Name);
        Log.Info($"{package.Name} {package.Version} is not in {target}; installing it");
        var failures = new List<string>();
        try
        {
            for (var index = 0; index < package.Sources.Count; index++)
            {
                var source = package.Sources[index];
                var work = Path.Combine(staging, $"source-{index}");
                Directory.CreateDirectory(work);
                TryDelete(staged);
                Directory.CreateDirectory(staged);
                Log.Info($"Getting {package.Name}: {source.Description}");
                try
                {
                    await source.FetchAsync(work, staged, cancellationToken);
                    var version = await package.VerifyAsync(staged, cancellationToken);
                    Publish(staged, target);
                    Log.Info(
                        $"Installed {package.Name} {version} at {target} ({source.Description})"
                    );
                    return;
                }
                // An IntegrityException is not a source failure: it fails the install closed, with no next source.
                catch (Exception exception)
                    when (!cancellationToken.IsCancellationRequested && IsSourceFailure(exception))
                {
                    var reason = Describe(exception);
                    Log.Info($"Could not get {package.Name} ({source.Description}): {reason}");
                    failures.Add($"{source.Description}: {reason}");
                }
            }
        }
        finally
        {
            TryDelete(staging);
        }
        throw package.Unavailable(target, failures);
    }

    /// <summary>Renames the staged folder into place: the tool appears whole or not at all.</summary>
    private static void Publish(string staged, string target)
    {
        // Only a broken install (files missing, or another version than the pinned one) can be here.
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }
        Directory.Move(staged, target);
    }

    /// <summary>Staging folders of installs that were killed before they could clean up.</summary>
    private static void RemoveLeftovers(string toolsDirectory, string prefix)
    {
        foreach (var leftover in Directory.GetDirectories(toolsDirectory, prefix + "*"))
        {
            TryDelete(leftover);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left for the next install's RemoveLeftovers.
        }
    }

    private static bool IsSourceFailure(Exception exception) =>
        exception
            is HttpRequestException
                or TaskCanceledException // HttpClient's timeout; a real cancellation is filtered out by the caller
                or ToolException
                or InvalidDataException
                or IOException
                or UnauthorizedAccessException
                or PlatformNotSupportedException
                or System.Text.Json.JsonException;

    private static string Describe(Exception exception) =>
        exception switch
        {
            TaskCanceledException => "timed out",
            HttpRequestException { StatusCode: { } status } =>
                $"HTTP {(int)status} {status}: {exception.Message}",
            _ => exception.Message,
        };
}
