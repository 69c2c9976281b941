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

    /// <summary>Runs <c>dotnet test</c> with a TRX logger and returns the counts read from the TRX file.</summary>
    public static async Task<TestCounts> TestAsync(
        string project,
        string resultsDirectory,
        string? filter,
        CancellationToken cancellationToken
    )
    {
        var trx = Path.Combine(resultsDirectory, "tests.trx");
        if (File.Exists(trx))
        {
            File.Delete(trx);
        }
        var command = Command(
            "test",
            project,
            "--nologo",
            "--logger",
            "trx;LogFileName=tests.trx",
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
        if (!File.Exists(trx))
        {
            throw (Exception?)failure
                ?? new InvalidOperationException($"dotnet test wrote no results to {trx}.");
        }
        var counts = TestCounts.FromTrx(await File.ReadAllTextAsync(trx, cancellationToken));
        if (failure is not null && counts.Failed == 0)
        {
            throw failure; // the test host crashed or a build step failed: no test failed, yet the run did
        }
        return counts;
    }
}
