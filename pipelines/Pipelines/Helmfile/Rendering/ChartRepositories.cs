using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.State;
using Pipelines.Tools;

namespace Pipelines.Helmfile.Rendering;

/// <summary>
/// The chart repositories of one render, prepared as helmfile prepares them: HTTP repositories added with
/// <c>helm repo add</c>, OCI registries logged in to with <c>helm registry login</c> (credentials from the repository's
/// <c>username</c>/<c>password</c> or helmfile's <c>&lt;NAME&gt;_USERNAME</c>/<c>&lt;NAME&gt;_PASSWORD</c> variables,
/// always through stdin, never on a command line), remote charts pulled with <c>helm pull</c>, and local charts'
/// <c>dependencies:</c> built with <c>helm dependency build</c>. The repository and registry configs holding the
/// credentials live in the render's scratch folder, deleted with it.
/// </summary>
internal sealed partial class ChartRepositories(
    string helm,
    HelmHome home,
    IReadOnlyList<RepositorySpec> repositories,
    Func<string, string?> environment,
    AbsolutePath cacheDirectory,
    AbsolutePath scratch
)
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _prepared = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<AbsolutePath>>> _charts = new();
    private readonly ConcurrentDictionary<string, Lazy<Task>> _dependencies = new();

    // helm dependency build fails when runs overlap (helmfile runs them one at a time for the same reason).
    private readonly SemaphoreSlim _dependencyBuilds = new(1, 1);
    private int _pulls;

    /// <summary>
    /// The local folder of a remote chart at the version <paramref name="version"/> (exact or a constraint such as
    /// <c>~1.2.0</c>; none means the latest). An exact version of an HTTP chart, once pulled, comes from the cache
    /// under <c>.nuke/temp/charts</c> without asking the repository again (a constraint asks its index first).
    /// </summary>
    public Task<AbsolutePath> PullAsync(
        ChartReference chart,
        string? version,
        ReleaseSpec release,
        CancellationToken cancellationToken
    ) =>
        _charts
            .GetOrAdd(
                $"{chart.Reference}\n{version}",
                _ => new Lazy<Task<AbsolutePath>>(() =>
                    Failing(
                        release,
                        chart,
                        () => PullOnceAsync(chart, version, release, cancellationToken)
                    )
                )
            )
            .Value;

    /// <summary>
    /// Builds a local chart's <c>dependencies:</c> into its <c>charts/</c> folder, as helmfile does before rendering,
    /// unless <c>helm dependency list</c> already reports every one present.
    /// </summary>
    public Task BuildDependenciesAsync(
        AbsolutePath chart,
        ReleaseSpec release,
        CancellationToken cancellationToken
    ) =>
        _dependencies
            .GetOrAdd(
                chart,
                _ => new Lazy<Task>(() =>
                    Failing(
                        release,
                        new ChartReference(chart, null, chart),
                        async () =>
                        {
                            await BuildOnceAsync(chart, cancellationToken);
                            return chart;
                        }
                    )
                )
            )
            .Value;

    private async Task<AbsolutePath> PullOnceAsync(
        ChartReference chart,
        string? version,
        ReleaseSpec release,
        CancellationToken cancellationToken
    )
    {
        var repository = chart.Repository;
        var exact = version is not null && ExactVersion().IsMatch(version);
        if (!chart.IsOci && !exact)
        {
            // The repository's index says which version the constraint means: fetched once per render.
            await PrepareAsync(repository!, cancellationToken);
            version = await ResolveAsync(chart, version, release, cancellationToken);
            exact = true;
        }
        // An exact version's chart never changes: it is pulled once into the cache. A constraint on an OCI chart is
        // resolved by helm pull itself (helm offers no tag listing), so that chart is pulled every render.
        var cached = exact
            ? cacheDirectory / Hash($"{repository?.Url}\n{chart.Reference}\n{version}") / chart.Name
            : null;
        if (cached is not null && (cached / "Chart.yaml").FileExists)
        {
            return cached;
        }
        if (repository is not null)
        {
            await PrepareAsync(repository, cancellationToken);
        }
        var target = scratch / "pulled" / Interlocked.Increment(ref _pulls).ToString();
        var command = Configured(ToolCommand.For(helm).WithArguments("pull", chart.Reference));
        if (version is not null)
        {
            command = command.WithArguments("--version", version);
        }
        command = WithConnection(command, repository)
            .WithArguments("--untar", "--untardir", target);
        await ToolRunner.Default.RunAsync(command, ToolOutput.Capture, cancellationToken);
        var pulled = target / chart.Name;
        if (cached is null)
        {
            return pulled;
        }
        Directory.CreateDirectory(cached.Parent!);
        try
        {
            Directory.Move(pulled, cached);
        }
        catch (IOException) when ((cached / "Chart.yaml").FileExists)
        {
            // Another render put the same version there first: the same chart.
        }
        return cached;
    }

    /// <summary>The highest version in the repository's index that <paramref name="constraint"/> allows, as helm picks it.</summary>
    private async Task<string> ResolveAsync(
        ChartReference chart,
        string? constraint,
        ReleaseSpec release,
        CancellationToken cancellationToken
    )
    {
        var search = Configured(
            ToolCommand
                .For(helm)
                .WithArguments("search", "repo", chart.Reference, "--output", "json")
        );
        var found = Versions(
            await SearchAsync(
                constraint is null ? search : search.WithArguments("--version", constraint),
                cancellationToken
            ),
            chart.Reference
        );
        if (found.Count > 0)
        {
            return found[0];
        }
        var all = Versions(
            await SearchAsync(search.WithArguments("--versions"), cancellationToken),
            chart.Reference
        );
        throw new SourceLocatedException(
            $"{release.DeclaredIn}: release '{release.Name}': no version of chart '{chart.Reference}' matches "
                + $"'{constraint ?? "(latest)"}' in repository '{chart.Repository!.Name}' ({chart.Repository.Url}). "
                + (
                    all.Count == 0
                        ? "The repository has no chart of that name."
                        : $"Versions there: {string.Join(", ", all)}."
                ),
            release.DeclaredIn
        );
    }

    private static async Task<string> SearchAsync(
        ToolCommand command,
        CancellationToken cancellationToken
    ) =>
        (
            await ToolRunner.Default.RunAsync(command, ToolOutput.Capture, cancellationToken)
        ).StandardOutput;

    private static List<string> Versions(string json, string name) =>
        System
            .Text.Json.JsonDocument.Parse(json)
            .RootElement.EnumerateArray()
            .Where(e => e.GetProperty("name").GetString() == name)
            .Select(e => e.GetProperty("version").GetString()!)
            .ToList();

    private async Task BuildOnceAsync(AbsolutePath chart, CancellationToken cancellationToken)
    {
        if (!HasDependencies(chart))
        {
            return;
        }
        await _dependencyBuilds.WaitAsync(cancellationToken);
        try
        {
            var list = await ToolRunner.Default.RunAsync(
                home.Apply(ToolCommand.For(helm)).WithArguments("dependency", "list", chart),
                ToolOutput.Capture,
                cancellationToken
            );
            var rows = list
                .StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Skip(1)
                .Where(l => l.Trim().Length > 0);
            if (
                rows.All(r =>
                    r.TrimEnd().EndsWith("\tok", StringComparison.Ordinal)
                    || r.TrimEnd().EndsWith(" ok", StringComparison.Ordinal)
                )
            )
            {
                return;
            }
            foreach (var repository in repositories)
            {
                await PrepareAsync(repository, cancellationToken);
            }
            // The indexes were fetched just now by helm repo add: no second refresh.
            await ToolRunner.Default.RunAsync(
                Configured(ToolCommand.For(helm))
                    .WithArguments("dependency", "build", chart, "--skip-refresh"),
                ToolOutput.Capture,
                cancellationToken
            );
        }
        finally
        {
            _dependencyBuilds.Release();
        }
    }

    private static bool HasDependencies(AbsolutePath chart) =>
        Yaml
            .Data.YamlData.ParseMapping(
                File.ReadAllText(chart / "Chart.yaml"),
                chart / "Chart.yaml"
            )
            .GetValueOrDefault("dependencies")
            is List<object?> { Count: > 0 };

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];

    [GeneratedRegex(@"^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex ExactVersion();
}
