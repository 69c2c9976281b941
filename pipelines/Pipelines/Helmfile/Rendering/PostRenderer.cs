using Pipelines.Clusters;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.State;
using Pipelines.Tools;

namespace Pipelines.Helmfile.Rendering;

/// <summary>
/// A release's post-renderer, run as helm runs one: the rendered manifests on its stdin, its stdout is the release's
/// output. Chosen in helmfile's order: the release's <c>postRenderer</c>, then <c>--post-renderer</c>, then
/// <c>helmDefaults.postRenderer</c> (and the arguments likewise). A relative path is read from the state file's
/// folder, where helmfile runs helm; a bare name is looked up on PATH.
/// </summary>
/// <remarks>
/// Its output is never cached: a program may read files, the clock or the environment, none of which a cache key can
/// see (the reason <c>exec</c> in templates is never cached either). helm's own output before it still is.
/// </remarks>
internal sealed record PostRenderer(
    string Program,
    IReadOnlyList<string> Arguments,
    string Directory
)
{
    public static PostRenderer? For(
        DeclaredState state,
        ReleaseSpec release,
        TemplateFlags flags,
        AbsolutePath root
    )
    {
        var (program, source) =
            !string.IsNullOrEmpty(release.PostRenderer) ? (release.PostRenderer, release.DeclaredIn)
            : !string.IsNullOrEmpty(flags.PostRenderer) ? (flags.PostRenderer, null)
            : !string.IsNullOrEmpty(state.HelmDefaults.PostRenderer)
                ? (state.HelmDefaults.PostRenderer, state.StateFile)
            : (null, null);
        if (program is null)
        {
            return null;
        }
        var arguments =
            release.PostRendererArgs.Count > 0 ? release.PostRendererArgs
            : flags.PostRendererArgs.Count > 0 ? flags.PostRendererArgs
            : state.HelmDefaults.PostRendererArgs;
        var directory = (root / state.StateFile).Parent!;
        return new PostRenderer(
            Locate(program, directory, source, release),
            [.. arguments.Where(a => a.Length > 0)],
            directory
        );
    }

    private static string Locate(
        string program,
        AbsolutePath directory,
        string? source,
        ReleaseSpec release
    )
    {
        var found = program.Contains('/')
            ? (
                AbsolutePath.Create(program, directory) is var path && path.FileExists
                    ? (string)path
                    : null
            )
            : ExecutableSearch.Find(
                ExecutableSearch.Directories(Environment.GetEnvironmentVariable("PATH")),
                program
            );
        if (found is not null)
        {
            return found;
        }
        var message =
            $"release '{release.Name}': post-renderer '{program}' "
            + (
                program.Contains('/')
                    ? $"does not exist ({AbsolutePath.Create(program, directory)}; relative paths are read from the state file's folder)."
                    : "is not on PATH. Install it, or give its path."
            );
        throw source is null
            ? new UsageException($"--post-renderer: {message}")
            : new SourceLocatedException($"{source}: {message}", source);
    }

    public async Task<string> RunAsync(
        string manifests,
        ReleaseSpec release,
        ClusterDefinition cluster,
        CancellationToken cancellationToken
    )
    {
        var command = ToolCommand
            .For(Program)
            .WithArguments(Arguments)
            .WithWorkingDirectory(Directory)
            .WithStandardInput(manifests);
        try
        {
            return (
                await ToolRunner.Default.RunAsync(command, ToolOutput.Exact, cancellationToken)
            ).StandardOutput;
        }
        catch (ToolException exception)
        {
            throw new SourceLocatedException(
                $"{release.DeclaredIn}: release '{release.Name}' for cluster {cluster.Name}: post-renderer "
                    + $"'{Program}' failed (exit code {exception.ExitCode}):\n{exception.Detail}",
                release.DeclaredIn
            );
        }
    }
}
