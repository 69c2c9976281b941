using System.Text.Json.Serialization;
using Pipelines.Failures;

namespace Pipelines.GitHubActions.Linting;

/// <summary>One problem actionlint reports, as its JSON names it.</summary>
internal sealed record ActionlintProblem(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("column")] int Column,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("kind")] string Kind
)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message} [{Kind}]";
}

/// <summary>LintWorkflows found problems; each was printed (as an annotation on GitHub Actions). Exits 1.</summary>
internal sealed class WorkflowLintException(int count)
    : Exception(
        $"actionlint found {count} problem(s) in .github/workflows. Fix the declarations in build/Build.Workflows*.cs "
            + "and run ./build.sh GenerateWorkflows."
    ),
        Failures.IExplainedFailure;
