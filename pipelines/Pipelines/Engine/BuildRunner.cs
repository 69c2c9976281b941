using System.Runtime.InteropServices;
using Pipelines.Failures;

namespace Pipelines.Engine;

/// <summary>One run of a build: bind parameters, discover targets, plan, check requirements, execute, summarise.</summary>
internal static class BuildRunner
{
    /// <summary>The process entry: real console, real environment, Ctrl-C and SIGTERM cancel the run.</summary>
    public static async Task<int> RunProcessAsync(
        Func<PipelineBuild> create,
        Func<PipelineBuild, Target>? defaultTarget
    )
    {
        var rawOut = Console.Out;
        var secrets = new SecretRegistry();
        var host = ConsoleHost.Create(
            rawOut,
            Console.Error,
            secrets,
            Environment.GetEnvironmentVariable,
            !Console.IsOutputRedirected
        );
        // Whatever a target writes to the console passes the secret mask too.
        Console.SetOut(host.Output);
        Console.SetError(host.ErrorOutput);

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl-C cancels cleanly; a second one kills the process.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(
            PosixSignal.SIGTERM,
            context =>
            {
                context.Cancel = true;
                cancellation.Cancel();
            }
        );
        try
        {
            var root = RootFinder.Find();
            return await RunAsync(
                create,
                defaultTarget,
                Environment.GetCommandLineArgs().Skip(1).ToArray(),
                root,
                Environment.GetEnvironmentVariable,
                host,
                cancellation.Token
            );
        }
        finally
        {
            host.Flush();
            Console.SetOut(rawOut);
        }
    }

    public static async Task<int> RunAsync(
        Func<PipelineBuild> create,
        Func<PipelineBuild, Target>? defaultTarget,
        IReadOnlyList<string> args,
        AbsolutePath? root,
        Func<string, string?> environment,
        ConsoleHost host,
        CancellationToken cancellationToken
    )
    {
        Log.Host = host;
        ExecutionPlan? plan = null;
        var started = DateTime.UtcNow;
        var exitCode = ExitCodes.Success;
        try
        {
            if (root is null)
            {
                throw new UsageException(
                    "No .nuke/ folder found above the build or the working directory. Run the build from its "
                        + "repository, or create .nuke/ at the repository root."
                );
            }
            var build = create();
            build.RootDirectory = root;
            var parameters = ParameterDiscovery.Discover(build);
            var commandLine = CommandLine.Parse(args, parameters);
            build.Parameters = ParameterBinder.Bind(
                build,
                parameters,
                commandLine,
                root,
                environment
            );
            RegisterSecrets(build, parameters, host);
            host.Verbosity = build.Verbosity;

            var targets = TargetDiscovery.Discover(build, defaultTarget?.Invoke(build));
            build.Results = new TargetResults(targets);
            var invoked = commandLine
                .Positional.Concat(build.InvokedTargets)
                .SelectMany(t =>
                    t.Split(
                        '+',
                        StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
                    )
                )
                .ToList();
            if (build.Help)
            {
                if (invoked.Count > 0)
                {
                    TargetHelpWriter.Write(host.Output, targets, invoked, parameters, root);
                }
                else
                {
                    HelpWriter.Write(host.Output, targets, parameters, root);
                }
                return ExitCodes.Success;
            }
            plan = ExecutionPlanner.Plan(targets, invoked, build.Skip);
            if (build.Plan)
            {
                await PlanWriter.WriteAsync(host.Output, plan, root, cancellationToken);
                plan = null; // nothing ran: no summary table
                return ExitCodes.Success;
            }
            RequirementCheck.ThrowIfUnmet(plan, parameters);

            var slots = build.Parallel <= 0 ? Environment.ProcessorCount : build.Parallel;
            await new Executor(host, slots).RunAsync(plan, cancellationToken);
            exitCode = ExitCodeOf(plan, cancellationToken);
            return exitCode;
        }
        catch (UsageException exception)
        {
            host.Error(exception.Message);
            plan = null;
            return exitCode = ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            plan = null;
            return exitCode = ExitCodes.Cancelled;
        }
        catch (Exception exception)
        {
            // Outside any target (a static condition or a value provider threw): no summary, just the cause.
            host.Error(exception.ToString());
            plan = null;
            return exitCode = ExitCodes.Failed;
        }
        finally
        {
            if (plan is not null)
            {
                host.Summary(plan, DateTime.UtcNow - started, exitCode);
            }
            host.Flush();
        }
    }

    private static int ExitCodeOf(ExecutionPlan plan, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Cancelled;
        }
        var codes = plan
            .Steps.Select(s => s.Target)
            .Where(t => t.Status == TargetStatus.Failed)
            .Select(t => (t.Exception as IHasExitCode)?.ExitCode ?? ExitCodes.Failed)
            .ToList();
        // Any ordinary failure wins; otherwise the code the failures asked for (2: usage error or drift).
        return codes.Count == 0 ? ExitCodes.Success
            : codes.Contains(ExitCodes.Failed) ? ExitCodes.Failed
            : codes[0];
    }

    private static void RegisterSecrets(
        PipelineBuild build,
        IReadOnlyList<BuildParameter> parameters,
        ConsoleHost host
    )
    {
        foreach (var parameter in parameters.Where(p => p.IsSecret))
        {
            // A default written in code is masked too: it is a secret wherever it came from.
            var value = build.Parameters.TryGet(parameter.Member.Name, out var bound)
                ? bound
                : parameter.DefaultValue;
            var values = value switch
            {
                null => [],
                Array array => array.Cast<object>(),
                _ => [value],
            };
            foreach (var item in values)
            {
                host.RegisterSecret(item.ToString());
            }
        }
    }

    /// <summary>
    /// Runs a build in this process with no environment and its output captured, for benchmarks that time the
    /// targets as ./build.sh runs them; returns the output and throws with it when the build fails.
    /// </summary>
    public static async Task<string> RunCapturedAsync(
        Func<PipelineBuild> createBuild,
        IReadOnlyList<string> args,
        AbsolutePath root,
        CancellationToken cancellationToken
    )
    {
        var output = new StringWriter();
        static string? NoEnvironment(string name) => null;
        var host = ConsoleHost.Create(
            output,
            output,
            new SecretRegistry(),
            NoEnvironment,
            isTerminal: false
        );
        var exitCode = await RunAsync(
            createBuild,
            null,
            args,
            root,
            NoEnvironment,
            host,
            cancellationToken
        );
        return exitCode == ExitCodes.Success
            ? output.ToString()
            : throw new InvalidOperationException(
                $"{string.Join(' ', args)} exited with {exitCode}:\n{output}"
            );
    }
}
