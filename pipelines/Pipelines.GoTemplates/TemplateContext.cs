namespace Pipelines.GoTemplates;

/// <summary>
/// What a template may see of the world outside its data. <c>env</c> and <c>requiredEnv</c> read through
/// <paramref name="Environment"/> (null means unset), never the process directly, so renders are reproducible in tests.
/// </summary>
public sealed record TemplateContext(Func<string, string?> Environment)
{
    /// <summary>
    /// The directory of the state file, as helmfile's basePath: relative paths given to <c>readFile</c>,
    /// <c>readDir</c>, <c>isFile</c> and <c>exec</c> resolve against it, and its <c>_*.tpl</c> files are helper
    /// templates. Null means the current directory, and no helper templates.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>
    /// Runs the commands of <c>exec</c> and <c>envExec</c>. Null refuses them: the engine never starts a process
    /// on its own.
    /// </summary>
    public TemplateProcessRunner? Exec { get; init; }

    /// <summary>
    /// Resolves secret references (<c>ref+awsssm://...</c>) for helmfile's <c>fetchSecretValue</c> and
    /// <c>expandSecretRefs</c>. Null refuses them: the engine knows no secret store of its own.
    /// </summary>
    public TemplateSecretResolver? Secrets { get; init; }
}

/// <summary>
/// Returns a copy of <paramref name="data"/> (a map, as vals evaluates one) with every secret reference in its strings
/// replaced by the secret. <paramref name="file"/> is the template asking, for error messages. The host masks what it
/// resolves; a render that calls it is never cached. Failures throw <see cref="TemplateSecretException"/>.
/// </summary>
public delegate IReadOnlyDictionary<string, object?> TemplateSecretResolver(
    IReadOnlyDictionary<string, object?> data,
    string file
);

/// <summary>A secret reference could not be resolved; the message names the reference, never a secret.</summary>
public sealed class TemplateSecretException(string message) : Exception(message);
