using System.Text.Json;
using Pipelines.Engine;
using Pipelines.Tools;

namespace Pipelines.GitHubActions.Linting;

/// <summary>
/// actionlint, the GitHub Actions workflow checker (expressions, contexts, job graph, action inputs, untrusted
/// input in scripts), run as its npm WebAssembly build under Node through the tool runner.
/// </summary>
internal static class Actionlint
{
    /// <summary>Lints every <c>.yml</c>/<c>.yaml</c> under <c>.github/workflows</c> of <paramref name="root"/>.</summary>
    public static Task<IReadOnlyList<ActionlintProblem>> LintDirectoryAsync(
        AbsolutePath root,
        AbsolutePath toolsDirectory,
        CancellationToken ct
    )
    {
        var directory = root / ".github" / "workflows";
        var files = directory.DirectoryExists
            ? Directory
                .EnumerateFiles(directory)
                .Where(f =>
                    f.EndsWith(".yml", StringComparison.Ordinal)
                    || f.EndsWith(".yaml", StringComparison.Ordinal)
                )
                .Order(StringComparer.Ordinal)
                .Select(f => AbsolutePath.Create(f).RelativeTo(root))
                .ToList()
            : [];
        return LintFilesAsync(root, files, toolsDirectory, ct);
    }

    /// <summary>Lints files given relative to <paramref name="workingDirectory"/>; problems name them that way.</summary>
    public static async Task<IReadOnlyList<ActionlintProblem>> LintFilesAsync(
        AbsolutePath workingDirectory,
        IReadOnlyList<string> files,
        AbsolutePath toolsDirectory,
        CancellationToken ct
    )
    {
        if (files.Count == 0)
        {
            return [];
        }
        var package = await ActionlintInstall.EnsureAsync(toolsDirectory, ct);
        // Beside the package it runs: the script is part of the install, not of the build.
        var runner = await WriteRunnerAsync(package, ct);
        var command = ToolCommand
            .For("node")
            .WithArguments([runner, package, .. files])
            .WithWorkingDirectory(workingDirectory);
        ToolResult result;
        try
        {
            result = await ToolRunner.Default.RunAsync(command, ToolOutput.Capture, ct);
        }
        catch (ToolException exception)
        {
            throw new ActionlintUnavailableException(
                $"actionlint could not run: {exception.Message}"
                    + (
                        exception.ExitCode is null
                            ? "\nInstall Node.js (apt-get install -y nodejs)."
                            : ""
                    )
            );
        }
        return JsonSerializer.Deserialize<List<ActionlintProblem>>(result.StandardOutput.Trim())
            ?? throw new ActionlintUnavailableException(
                $"actionlint printed no result: {command.CommandLine}"
            );
    }

    private static async Task<string> WriteRunnerAsync(string directory, CancellationToken ct)
    {
        var path = Path.Combine(directory, ActionlintRunnerScript.FileName);
        if (
            !File.Exists(path)
            || await File.ReadAllTextAsync(path, ct) != ActionlintRunnerScript.Text
        )
        {
            await AtomicFile.WriteAllTextAsync(path, ActionlintRunnerScript.Text, ct);
        }
        return path;
    }
}
