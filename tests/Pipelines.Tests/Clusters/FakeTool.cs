namespace Pipelines.Tests.Clusters;

/// <summary>
/// A stand-in for eksctl or aws on a PATH of the test's own: a shell script that appends its arguments (one line per
/// call, tab-separated) to <c>&lt;name&gt;.calls</c> beside it, prints the given standard output (kept in
/// <c>&lt;name&gt;.stdout</c>, so any text survives the shell) and exits with the given code. A <c>precondition</c>
/// (a shell command) makes it fail, saying so, when the command fails: a test's check that something happened first.
/// </summary>
internal static class FakeTool
{
    public static string Write(
        string directory,
        string name,
        int exitCode = 0,
        string? stderr = null,
        string? precondition = null,
        string? stdout = null
    )
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        var calls = Path.Combine(directory, name + ".calls");
        var output = Path.Combine(directory, name + ".stdout");
        if (stdout is not null)
        {
            File.WriteAllText(output, stdout);
        }
        File.WriteAllText(
            path,
            "#!/bin/sh\n"
                + $"(IFS=\"$(printf '\\t')\"; echo \"$*\") >> '{calls}'\n"
                + (
                    precondition is null
                        ? ""
                        : $"if ! {precondition}; then echo '{name}: precondition failed: {precondition.Replace("'", "")}' >&2; exit 97; fi\n"
                )
                + (stdout is null ? "" : $"cat '{output}'\n")
                + (stderr is null ? "" : $"echo '{stderr}' >&2\n")
                + $"exit {exitCode}\n"
        );
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, Pipelines.Tools.Helm.HelmInstaller.ExecutableMode);
        }
        return path;
    }

    /// <summary>Each call's arguments, in order; empty when the tool was never run.</summary>
    public static IReadOnlyList<string[]> Calls(string directory, string name)
    {
        var calls = Path.Combine(directory, name + ".calls");
        return File.Exists(calls)
            ? File.ReadAllLines(calls).Select(l => l.Split('\t')).ToList()
            : [];
    }
}
