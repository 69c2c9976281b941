namespace Pipelines.GitHubActions.Model;

/// <summary>
/// <c>${{ }}</c> expressions, spelled in one place. They belong in <c>env:</c>, <c>with:</c>, <c>if:</c> and
/// outputs, never inside a <c>run:</c> script.
/// </summary>
public static class Expr
{
    public static string Of(string expression) => "${{ " + expression + " }}";

    public static string Matrix(string key) => Of($"matrix.{key}");

    public static string Input(string name) => Of($"inputs.{name}");

    public static string Secret(string name) => Of($"secrets.{name}");

    public static string StepOutput(string step, string output) =>
        Of($"steps.{step}.outputs.{output}");

    public static string NeedsOutput(string job, string output) =>
        Of($"needs.{job}.outputs.{output}");

    /// <summary>True when the text holds an expression (<c>${{</c>).</summary>
    public static bool Contains(string text) => text.Contains("${{", StringComparison.Ordinal);
}
