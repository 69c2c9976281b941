using Pipelines.Tools;

namespace Pipelines.DotNet;

/// <summary>The <c>dotnet</c> commands the suite's own build uses, each through the tool runner.</summary>
public static class DotNet
{
    public static ToolCommand Command(params IEnumerable<string> arguments) =>
        ToolCommand
            .For("dotnet")
            .WithArguments(arguments)
            .WithEnvironment("DOTNET_NOLOGO", "1")
            .WithEnvironment("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
            // A private NuGet feed's credentials, as the NuGet credential provider and setup-dotnet read them.
            .WithInheritedSecrets("VSS_NUGET_ACCESSTOKEN", "NUGET_AUTH_TOKEN");

    public static Task BuildAsync(string project, CancellationToken cancellationToken) =>
        ToolRunner.Default.RunAsync(
            Command("build", project, "--nologo", "-v", "q", "-clp:NoSummary"),
            cancellationToken: cancellationToken
        );

    /// <summary>Packs <paramref name="project"/> into <paramref name="outputDirectory"/>, as <paramref name="version"/> when given.</summary>
    public static Task PackAsync(
        string project,
        string outputDirectory,
        CancellationToken cancellationToken,
        string? version = null
    ) =>
        ToolRunner.Default.RunAsync(
            Command("pack", project, "--nologo", "-v", "q", "-o", outputDirectory)
                .WithArguments(version is null ? [] : [$"-p:Version={version}"]),
            cancellationToken: cancellationToken
        );

    /// <summary>
    /// Runs <c>dotnet test</c> on <paramref name="target"/> (a test project or the solution, whose test projects run
    /// side by side) with a TRX logger, and returns the counts summed over every TRX file the run wrote.
    /// </summary>
    public static async Task<TestCounts> TestAsync(
        string target,
        string resultsDirectory,
        string? filter,
        CancellationToken cancellationToken
    )
    {
        if (Directory.Exists(resultsDirectory))
        {
            foreach (var old in Directory.EnumerateFiles(resultsDirectory, "*.trx"))
            {
                File.Delete(old);
            }
        }
        var command = Command(
            "test",
            target,
            "--no-build",
            "--nologo",
            // One TRX file per test project, each under a unique name.
            "--logger",
            "trx",
            "--logger",
            "console;verbosity=normal",
            "--results-directory",
            resultsDirectory
        );
        if (!string.IsNullOrWhiteSpace(filter))
        {
            command = command.WithArguments("--filter", filter);
        }
        ToolException? failure = null;
        try
        {
            await ToolRunner.Default.RunAsync(command, cancellationToken: cancellationToken);
        }
        catch (ToolException exception)
        {
            failure = exception;
        }
        var files = Directory.Exists(resultsDirectory)
            ? Directory.GetFiles(resultsDirectory, "*.trx")
            : [];
        if (files.Length == 0)
        {
            throw (Exception?)failure
                ?? new InvalidOperationException(
                    $"dotnet test wrote no results to {resultsDirectory}."
                );
        }
        var counts = new TestCounts(0, 0, 0);
        foreach (var file in files)
        {
            counts += TestCounts.FromTrx(await File.ReadAllTextAsync(file, cancellationToken));
        }
        if (failure is not null && counts.Failed == 0)
        {
            throw failure; // the test host crashed or a build step failed: no test failed, yet the run did
        }
        return counts;
    }
}
