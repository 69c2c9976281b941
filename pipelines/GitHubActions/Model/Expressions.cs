using System.Text.RegularExpressions;

namespace Pipelines.GitHubActions.Model;

/// <summary>
/// <c>${{ }}</c> expressions, spelled in one place. They belong in <c>env:</c>, <c>with:</c>, <c>if:</c> and
/// outputs, never inside a <c>run:</c> script.
/// </summary>
public static partial class Expr
{
    public static string Of(string expression) => "${{ " + expression + " }}";

    public static string Matrix(string key) => Of($"matrix.{key}");

    public static string Input(string name) => Of($"inputs.{name}");

    public static string Var(string name) => Of($"vars.{name}");

    public static string Secret(string name) => Of($"secrets.{name}");

    public static string StepOutput(string step, string output) =>
        Of($"steps.{step}.outputs.{output}");

    public static string NeedsOutput(string job, string output) =>
        Of($"needs.{job}.outputs.{output}");

    /// <summary>True when the text holds an expression (<c>${{</c>).</summary>
    public static bool Contains(string text) => text.Contains("${{", StringComparison.Ordinal);

    /// <summary>
    /// The context references in a text's expressions that carry attacker-controllable text: the event payload,
    /// the head branch name, and workflow inputs (GitHub's hardening guide lists these).
    /// </summary>
    public static IEnumerable<string> UntrustedReferences(string text) =>
        ExpressionPattern()
            .Matches(text)
            .SelectMany(m => UntrustedPattern().Matches(m.Groups[1].Value))
            .Select(m => m.Value);

    [GeneratedRegex(@"\$\{\{(.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex ExpressionPattern();

    [GeneratedRegex(@"\b(github\.event\.[\w.\-\[\]'*]+|github\.head_ref|inputs\.[\w\-]+)")]
    private static partial Regex UntrustedPattern();
}
