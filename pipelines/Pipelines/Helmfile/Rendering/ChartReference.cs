using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.State;

namespace Pipelines.Helmfile.Rendering;

/// <summary>
/// Where a release's chart comes from: a local folder (relative to the state file), <c>repo/chart</c> from a
/// declared repository (HTTP or OCI), or a direct <c>oci://</c> reference (with the declared OCI repository whose URL
/// it starts with, for credentials and plain HTTP). Remote charts are pulled to a local folder before helm renders.
/// </summary>
internal sealed record ChartReference(
    string Reference,
    RepositorySpec? Repository,
    AbsolutePath? LocalPath
)
{
    public bool IsLocal => LocalPath is not null;

    public bool IsOci => Reference.StartsWith("oci://", StringComparison.Ordinal);

    /// <summary>The chart's name inside its repository: the last path segment.</summary>
    public string Name => Reference[(Reference.LastIndexOf('/') + 1)..];

    public static ChartReference Resolve(
        ReleaseSpec release,
        IReadOnlyList<RepositorySpec> repositories,
        AbsolutePath root
    )
    {
        var chart = release.Chart;
        if (chart.StartsWith("oci://", StringComparison.Ordinal))
        {
            var declared = repositories
                .Where(r =>
                    r.Oci
                    && chart[6..].StartsWith(OciLocation(r.Url) + "/", StringComparison.Ordinal)
                )
                .MaxBy(r => OciLocation(r.Url).Length);
            return new ChartReference(chart, declared, null);
        }
        var declaringDirectory = (root / release.DeclaredIn).Parent!;
        var local = AbsolutePath.Create(chart, declaringDirectory);
        if (chart.StartsWith('.') || chart.StartsWith('/') || local.DirectoryExists)
        {
            return local.DirectoryExists && (local / "Chart.yaml").FileExists
                ? new ChartReference(local, null, local)
                : throw new SourceLocatedException(
                    $"{release.DeclaredIn}: release '{release.Name}': chart '{chart}' is not a chart folder "
                        + $"({local.RelativeTo(root)} has no Chart.yaml). Fix the path, or name repo/chart from 'repositories'.",
                    release.DeclaredIn
                );
        }
        var slash = chart.IndexOf('/');
        var repository =
            slash > 0 ? repositories.FirstOrDefault(r => r.Name == chart[..slash]) : null;
        if (repository is null)
        {
            throw new SourceLocatedException(
                $"{release.DeclaredIn}: release '{release.Name}': chart '{chart}' is neither a local folder nor "
                    + $"repo/chart with a repository declared under 'repositories' ({string.Join(", ", repositories.Select(r => r.Name))}).",
                release.DeclaredIn
            );
        }
        var name = chart[(slash + 1)..];
        return repository.Oci
            ? new ChartReference($"oci://{OciLocation(repository.Url)}/{name}", repository, null)
            : new ChartReference(chart, repository, null);
    }

    /// <summary>An OCI repository URL as helm takes it after <c>oci://</c>: no scheme, no trailing slash.</summary>
    public static string OciLocation(string url) =>
        (url.StartsWith("oci://", StringComparison.Ordinal) ? url[6..] : url).TrimEnd('/');
}
