using System.Diagnostics;
using System.Text;

namespace Pipelines.Tests.Bootstrap;

/// <summary>What a finished child process printed, and how it exited.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Describe() =>
        $"exit code {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}

/// <summary>
/// Runs dotnet, build.sh and the like as a clean child of the test host: without the MSBuild and test platform
/// variables the host inherited (they would point the child's dotnet at the host's SDK internals), with CI empty
/// (so the formatter formats instead of checking) and without build servers that could outlive the child.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(4);

    /// <summary>
    /// For a bootstrap's first run, which compiles the build: on 2 cores shared with other full test runs (and the
    /// fixtures' cold compiles running side by side) that alone has taken over 4 minutes.
    /// </summary>
    public static readonly TimeSpan ColdCompileTimeout = TimeSpan.FromMinutes(12);

    private static readonly string[] InheritedByTheHost =
    [
        "MSBuildExtensionsPath",
        "MSBUILD_EXE_PATH",
        "MSBuildSDKsPath",
        "MSBuildLoadMicrosoftTargetsReadOnly",
        "DOTNET_HOST_PATH",
    ];

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _stdoutClosed = new(
        TaskCreationOptions.RunContinuationsAsynchronously
    );
    private readonly TaskCompletionSource _stderrClosed = new(
        TaskCreationOptions.RunContinuationsAsynchronously
    );

    private ChildProcess(ProcessStartInfo startInfo)
    {
        _process = new Process { StartInfo = startInfo };
        _process.OutputDataReceived += (_, e) => Append(_stdout, _stdoutClosed, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, _stderrClosed, e.Data);
    }

    public int Id => _process.Id;

    public string StandardOutput
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <summary>Starts a child; <paramref name="environment"/> overrides the cleaned environment (null removes).</summary>
    public static ChildProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null
    )
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        Clean(startInfo.Environment);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }
        var child = new ChildProcess(startInfo);
        child._process.Start();
        child._process.StandardInput.Close();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a child to its end; on timeout it is killed and the test fails with what it printed.</summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null
    )
    {
        using var child = Start(fileName, arguments, workingDirectory, environment);
        return await child.WaitAsync(timeout ?? DefaultTimeout);
    }

    public async Task<ProcessResult> WaitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task)
                .WaitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException(
                $"{_process.StartInfo.FileName} {string.Join(' ', _process.StartInfo.ArgumentList)} "
                    + $"did not finish within {timeout}.\n{Snapshot(-1).Describe()}"
            );
        }
        return Snapshot(_process.ExitCode);
    }

    /// <summary>Waits until stdout has a line containing <paramref name="text"/>, or the child ends first.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (StandardOutput.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
            if (_process.HasExited)
            {
                return StandardOutput.Contains(text, StringComparison.Ordinal);
            }
            await Task.Delay(50);
        }
        return false;
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // it ended on its own meanwhile
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    /// <summary>The test host's environment without what MSBuild and the test platform put there for themselves.</summary>
    public static void Clean(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.ToList())
        {
            if (
                InheritedByTheHost.Contains(name, StringComparer.OrdinalIgnoreCase)
                || name.StartsWith("MSBuild", StringComparison.Ordinal)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
            )
            {
                environment.Remove(name);
            }
        }
        environment["CI"] = "";
        // No build servers: a node or compiler server left running would hold the pipes (and build.sh's lock) open.
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["UseSharedCompilation"] = "false";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["NO_COLOR"] = "1";
    }

    private ProcessResult Snapshot(int exitCode)
    {
        lock (_stderr)
        {
            return new ProcessResult(exitCode, StandardOutput, _stderr.ToString());
        }
    }

    private static void Append(StringBuilder buffer, TaskCompletionSource closed, string? line)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }
        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }
}
