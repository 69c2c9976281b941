using Pipelines.Engine;

namespace Pipelines.Tests.Engine;

/// <summary>
/// Runs a build in memory: a temporary root with <c>.nuke/</c>, a dictionary for the environment (never the
/// process's), and string writers for stdout and stderr. Dispose deletes the root.
/// </summary>
internal sealed class BuildHarness : IDisposable
{
    /// <summary>
    /// Only here so a broken engine fails a test instead of hanging it, never a speed check: sixteen concurrent bumps
    /// (ConcurrentBumpTests, each with its git processes) took 44 s on a loaded 2-core machine, so 30 s was too short.
    /// </summary>
    public static readonly TimeSpan Guard = TimeSpan.FromMinutes(3);

    public BuildHarness()
    {
        Root = AbsolutePath.Create(
            Path.Combine(Path.GetTempPath(), "pipelines-engine-tests", Guid.NewGuid().ToString("N"))
        );
        Directory.CreateDirectory(Root / ".nuke");
    }

    public AbsolutePath Root { get; }

    /// <summary>The only environment the build sees.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Writes <c>.nuke/parameters.json</c>, or <c>.nuke/parameters.&lt;profile&gt;.json</c>.</summary>
    public void WriteParameters(string json, string? profile = null) =>
        File.WriteAllText(
            Root / ".nuke" / (profile is null ? "parameters.json" : $"parameters.{profile}.json"),
            json
        );

    public static async Task<BuildResult<TBuild>> RunOnceAsync<TBuild>(
        TBuild build,
        params string[] args
    )
        where TBuild : PipelineBuild
    {
        using var harness = new BuildHarness();
        return await harness.RunAsync(build, args);
    }

    public Task<BuildResult<TBuild>> RunAsync<TBuild>(TBuild build, params string[] args)
        where TBuild : PipelineBuild => RunAsync(build, null, CancellationToken.None, args);

    public async Task<BuildResult<TBuild>> RunAsync<TBuild>(
        TBuild build,
        Func<TBuild, Target>? defaultTarget,
        CancellationToken cancellationToken,
        params string[] args
    )
        where TBuild : PipelineBuild
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new Dictionary<string, string>(Environment, StringComparer.Ordinal);
        string? Read(string name) => environment.TryGetValue(name, out var value) ? value : null;
        var host = ConsoleHost.Create(output, error, new SecretRegistry(), Read, isTerminal: false);

        var exitCode = await BuildRunner
            .RunAsync(
                () => build,
                defaultTarget is null ? null : b => defaultTarget((TBuild)b),
                args,
                Root,
                Read,
                host,
                cancellationToken
            )
            .WaitAsync(Guard, CancellationToken.None);

        return new BuildResult<TBuild>(exitCode, output.ToString(), error.ToString(), build);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test for.
        }
    }
}

/// <summary>What a run left behind: the exit code, both streams, and the build instance.</summary>
internal sealed record BuildResult<TBuild>(int ExitCode, string Output, string Error, TBuild Build)
{
    public string AllOutput => Output + Error;

    /// <summary>The status column of the target's row in the summary table.</summary>
    public TargetStatus StatusOf(string target) => Enum.Parse<TargetStatus>(Row(target).Status);

    /// <summary>The note column of the target's row in the summary table.</summary>
    public string NoteOf(string target) => Row(target).Note;

    /// <summary>Whether the summary table has a row for the target (whether it was planned).</summary>
    public bool HasRow(string target) => Rows().Any(r => r.Target == target);

    private (string Target, string Status, string Note) Row(string target) =>
        Rows().SingleOrDefault(r => r.Target == target) is { Target: not null } row
            ? row
            : throw new InvalidOperationException(
                $"No summary row for {target}. Output was:\n{AllOutput}"
            );

    private IEnumerable<(string Target, string Status, string Note)> Rows()
    {
        var lines = Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.FindLastIndex(l => l.StartsWith("Target ", StringComparison.Ordinal));
        if (header < 0)
        {
            yield break;
        }
        var statusColumn = lines[header].IndexOf("Status", StringComparison.Ordinal);
        var noteColumn = lines[header].IndexOf("Note", StringComparison.Ordinal);
        foreach (var line in lines.Skip(header + 2).TakeWhile(l => !l.StartsWith('─')))
        {
            var name = line[..statusColumn].Trim();
            var status = line[statusColumn..].Split(' ')[0];
            var note = line.Length > noteColumn ? line[noteColumn..] : "";
            yield return (name, status, note);
        }
    }
}

/// <summary>A test build that records which targets ran, in order; thread-safe for parallel runs.</summary>
internal abstract class RecordingBuild : PipelineBuild
{
    private readonly List<string> _executed = [];

    public IReadOnlyList<string> Executed
    {
        get
        {
            lock (_executed)
            {
                return [.. _executed];
            }
        }
    }

    protected void Record(string name)
    {
        lock (_executed)
        {
            _executed.Add(name);
        }
    }
}
