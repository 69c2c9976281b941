using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.GoTemplates;
using Pipelines.Helmfile.State;
using Pipelines.Tools;

namespace Pipelines.Helmfile.Rendering;

/// <summary>
/// The hooks a render runs, as <c>helmfile template</c> runs them: the state's global <c>prepare</c> hooks, then each
/// selected release's, before anything renders; the releases' <c>cleanup</c> hooks, then the global ones, after.
/// <c>command</c> and <c>args</c> are templates (<c>.Environment</c>, <c>.Values</c>, <c>.Release</c>,
/// <c>.Event.Name</c>, <c>.HelmfileCommand</c> = template); the command runs in the state file's folder without a
/// shell; <c>showlogs</c> prints its output. Under <c>--dry-run</c> each command is shown and not run.
/// </summary>
internal sealed class RenderHooks(AbsolutePath root, TemplateContext templates, bool dryRun)
{
    /// <summary>One state's global hooks and its selected releases (each once, however many clusters carry it).</summary>
    public sealed record Scope(DeclaredState State, IReadOnlyList<ReleaseSpec> Releases);

    /// <summary>A failing prepare hook fails the render before anything is written.</summary>
    public async Task PrepareAsync(IReadOnlyList<Scope> scopes, CancellationToken cancellationToken)
    {
        foreach (var scope in scopes)
        {
            await TriggerAsync("prepare", scope.State, null, scope.State.Hooks, cancellationToken);
            foreach (var release in scope.Releases)
            {
                await TriggerAsync(
                    "prepare",
                    scope.State,
                    release,
                    release.Hooks,
                    cancellationToken
                );
            }
        }
    }

    /// <summary>A failing cleanup hook is a warning, as in helmfile: the render itself is done.</summary>
    public async Task CleanupAsync(IReadOnlyList<Scope> scopes, CancellationToken cancellationToken)
    {
        foreach (var scope in scopes)
        {
            foreach (var release in scope.Releases)
            {
                await WarnOnFailureAsync(scope.State, release, release.Hooks, cancellationToken);
            }
            await WarnOnFailureAsync(scope.State, null, scope.State.Hooks, cancellationToken);
        }
    }

    private async Task WarnOnFailureAsync(
        DeclaredState state,
        ReleaseSpec? release,
        IReadOnlyList<HookSpec> hooks,
        CancellationToken cancellationToken
    )
    {
        try
        {
            await TriggerAsync("cleanup", state, release, hooks, cancellationToken);
        }
        catch (SourceLocatedException exception)
        {
            Log.Warning(exception.Message, exception.File, exception.Line);
        }
    }

    private async Task TriggerAsync(
        string eventName,
        DeclaredState state,
        ReleaseSpec? release,
        IReadOnlyList<HookSpec> hooks,
        CancellationToken cancellationToken
    )
    {
        foreach (var hook in hooks.Where(h => h.Events.Contains(eventName)))
        {
            var folder = (root / hook.DeclaredIn).Parent!;
            var data = release is null
                ? TemplateData.ForState(state.Environment, state.KubeContext, state.Values)
                : TemplateData.ForRelease(state, release);
            data["HelmfileCommand"] = "template";
            data["Event"] = new Dictionary<string, object?>
            {
                ["Name"] = eventName,
                ["Error"] = null,
            };
            var context = templates with { BaseDirectory = folder };
            string Render(string text, string what) =>
                GoTemplate
                    .Parse(text, $"{hook.DeclaredIn} (hook {hook.Label}, {what})")
                    .Render(data, context);
            var command = Render(hook.Command, "command");
            var arguments = hook.Args.Select((a, i) => Render(a, $"args[{i}]")).ToList();
            // As Go's exec does with a working directory: a relative command path is taken from that directory.
            var executable =
                command.Contains('/') && !Path.IsPathRooted(command)
                    ? Path.GetFullPath(command, folder)
                    : command;
            var tool = ToolCommand
                .For(executable)
                .WithArguments(arguments)
                .WithWorkingDirectory(folder);
            var what =
                $"{eventName} hook '{hook.Label}' of "
                + (release is null ? state.StateFile : $"release {release.Name}");
            if (dryRun)
            {
                Log.Info(
                    $"--dry-run: would run the {what}: {tool.CommandLine} (in {folder.RelativeTo(root)}/)"
                );
                continue;
            }
            Log.Info($"Running the {what}: {tool.CommandLine}");
            try
            {
                var result = await ToolRunner.Default.RunAsync(
                    tool,
                    ToolOutput.Capture,
                    cancellationToken
                );
                if (hook.ShowLogs)
                {
                    foreach (var line in result.StandardOutput.TrimEnd('\n').Split('\n'))
                    {
                        Log.Info($"hook[{eventName}] logs | {line}");
                    }
                }
            }
            catch (ToolException exception)
            {
                throw new SourceLocatedException(
                    $"{hook.DeclaredIn}: the {what} failed"
                        + (exception.ExitCode is { } code ? $" (exit code {code})" : "")
                        + $": {tool.CommandLine}\n{exception.Detail}"
                        + (
                            eventName == "prepare"
                                ? "\nNothing was rendered or written; fix the hook or its command, or run with "
                                    + "--dry-run to see the commands without running them."
                                : ""
                        ),
                    hook.DeclaredIn,
                    hook.Position?.Line,
                    hook.Position?.Column
                );
            }
        }
    }
}
