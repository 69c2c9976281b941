using Pipelines.GoTemplates;
using Pipelines.Tools;

namespace Pipelines.Helmfile;

/// <summary>
/// The template context helmfile's files are rendered with: environment variables as given, and
/// <c>exec</c>/<c>envExec</c> run through the build's one process runner (<see cref="ToolRunner"/>).
/// </summary>
internal static class HelmfileTemplates
{
    /// <summary>A context reading variables through <paramref name="environment"/>, with <c>exec</c> enabled.</summary>
    public static TemplateContext Context(Func<string, string?> environment) =>
        new(environment) { Exec = Run };

    private static string Run(TemplateProcess process)
    {
        var command = ToolCommand
            .For(process.Command)
            .WithArguments(process.Arguments)
            .WithWorkingDirectory(process.WorkingDirectory);
        foreach (var (name, value) in process.Environment)
        {
            command = command.WithEnvironment(name, value);
        }
        if (process.StandardInput is { } input)
        {
            command = command.WithStandardInput(input);
        }
        try
        {
            return ToolRunner
                .Default.RunAsync(command, ToolOutput.Exact)
                .GetAwaiter()
                .GetResult()
                .StandardOutput;
        }
        catch (ToolException exception)
        {
            throw new TemplateProcessException(exception.Message);
        }
    }
}
