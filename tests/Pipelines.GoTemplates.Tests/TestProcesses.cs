using System.Diagnostics;

namespace Pipelines.GoTemplates.Tests;

/// <summary>
/// The host side of <c>exec</c> for the engine's own tests: runs the command for real, as the build's tool runner
/// does in the product, so the tests see real output, stdin and exit codes.
/// </summary>
internal static class TestProcesses
{
    public static string Run(TemplateProcess process)
    {
        var start = new ProcessStartInfo(process.Command)
        {
            WorkingDirectory = process.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in process.Arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in process.Environment)
        {
            start.Environment[name] = value;
        }
        using var running = Process.Start(start)!;
        running.StandardInput.Write(process.StandardInput ?? "");
        running.StandardInput.Close();
        var error = running.StandardError.ReadToEndAsync();
        var output = running.StandardOutput.ReadToEnd();
        running.WaitForExit();
        return running.ExitCode == 0
            ? output
            : throw new TemplateProcessException(
                $"{process.Command} exited with code {running.ExitCode}: {error.Result.Trim()}"
            );
    }
}
