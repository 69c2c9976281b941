namespace Pipelines.Tools;

/// <summary>
/// An external command, built immutably (every <c>With</c> returns a new command) and never from a joined string,
/// so arguments are quoted correctly and a dry run can print exactly what would run.
/// </summary>
public sealed record ToolCommand
{
    private ToolCommand(string executable) => Executable = executable;

    public string Executable { get; }
    public IReadOnlyList<string> Arguments { get; private init; } = [];
    public string? WorkingDirectory { get; private init; }
    public IReadOnlyDictionary<string, string?> Environment { get; private init; } =
        new Dictionary<string, string?>();

    /// <summary>Credential variables of the build's environment this command may inherit (see <see cref="ChildEnvironment"/>).</summary>
    public IReadOnlyList<string> InheritedSecrets { get; private init; } = [];

    /// <summary>Text written to the command's standard input; null leaves it empty.</summary>
    public string? StandardInput { get; private init; }

    /// <summary>What the AWS CLI and eksctl read to authenticate, as configure-aws-credentials or IRSA set them.</summary>
    public static IReadOnlyList<string> AwsCredentials { get; } =
    [
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_SECURITY_TOKEN",
        "AWS_WEB_IDENTITY_TOKEN_FILE",
    ];

    /// <summary>Lets the command inherit these credential variables; every other one is removed from its environment.</summary>
    public ToolCommand WithInheritedSecrets(params IEnumerable<string> names) =>
        this with
        {
            InheritedSecrets = [.. InheritedSecrets, .. names],
        };

    public static ToolCommand For(string executable) => new(executable);

    public ToolCommand WithStandardInput(string input) => this with { StandardInput = input };

    public ToolCommand WithArguments(params IEnumerable<string> arguments) =>
        this with
        {
            Arguments = [.. Arguments, .. arguments],
        };

    public ToolCommand WithWorkingDirectory(string directory) =>
        this with
        {
            WorkingDirectory = directory,
        };

    /// <summary>A null value removes the variable from the child's environment.</summary>
    public ToolCommand WithEnvironment(string name, string? value) =>
        this with
        {
            Environment = new Dictionary<string, string?>(Environment) { [name] = value },
        };

    /// <summary>The command as a POSIX shell would take it, for logs and dry runs.</summary>
    public string CommandLine =>
        string.Join(" ", new[] { Executable }.Concat(Arguments).Select(ShellQuote));

    public override string ToString() => CommandLine;

    internal static string ShellQuote(string argument) =>
        argument.Length > 0
        && argument.All(c => char.IsLetterOrDigit(c) || "-_./:=@+,%^".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''") + "'";
}
