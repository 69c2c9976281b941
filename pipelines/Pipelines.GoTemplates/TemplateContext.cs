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
}
