namespace Pipelines.Helmfile.Templates;

/// <summary>
/// What a template may see of the world outside its data. <c>env</c> and <c>requiredEnv</c> read through
/// <paramref name="Environment"/> (null means unset), never the process directly, so renders are reproducible in tests.
/// </summary>
public sealed record TemplateContext(Func<string, string?> Environment);
