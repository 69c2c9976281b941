using Pipelines.GoTemplates.Values;

namespace Pipelines.GoTemplates.Functions;

/// <summary>sprig's <c>semver</c> (a version with <c>.Major .Minor .Patch .Prerelease .Metadata .Original</c>) and <c>semverCompare</c>.</summary>
internal static class SemverFunctions
{
    private const string ConstraintHelp =
        "constraints look like \">=1.2 <2\", \"~1.2\", \"^1.2.3\", \"1.2.x\", \"1.2 - 1.4\" or \">=1.2, <2 || 3.x\"";

    public static IEnumerable<TemplateFunction> All =>
        [
            new("semver", 1, 1, call => Version(call, call.String(0))),
            new("semverCompare", 2, 2, Compare),
        ];

    private static object? Compare(FunctionCall call)
    {
        SemverConstraint constraint;
        try
        {
            constraint = SemverConstraint.Parse(call.String(0));
        }
        catch (FormatException exception)
        {
            throw call.Fail($"{exception.Message} ({ConstraintHelp})");
        }
        return constraint.Check(Version(call, call.String(1)));
    }

    private static SemanticVersion Version(FunctionCall call, string text)
    {
        try
        {
            return SemanticVersion.Parse(text);
        }
        catch (FormatException exception)
        {
            throw call.Fail(
                $"{exception.Message}: \"{text}\" (versions look like 1.2.3, v1.2 or 1.2.3-rc.1+build.5)"
            );
        }
    }
}
