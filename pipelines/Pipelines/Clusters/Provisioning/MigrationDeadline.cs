using System.Globalization;
using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Clusters.Provisioning;

/// <summary><c>--deadline</c>: a date (<c>2027-01-15</c>) or a time from the provisioning day (<c>6w</c>, <c>30d</c>).</summary>
internal static partial class MigrationDeadline
{
    public static DateOnly Parse(string? text, DateOnly provisioned)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return provisioned.AddDays(ClusterDefinition.DefaultMigrationWindow);
        }
        text = text.Trim();
        DateOnly deadline;
        if (Span().Match(text) is { Success: true } span)
        {
            var count = int.Parse(span.Groups[1].Value, CultureInfo.InvariantCulture);
            deadline = provisioned.AddDays(span.Groups[2].Value == "w" ? count * 7 : count);
        }
        else if (
            !DateOnly.TryParseExact(
                text,
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out deadline
            )
        )
        {
            throw new UsageException(
                $"--deadline {text}: give a date (2027-01-15) or a time from today in weeks or days (6w, 30d)."
            );
        }
        if (deadline <= provisioned)
        {
            throw new UsageException(
                $"--deadline {text}: {deadline:yyyy-MM-dd} is not after today ({provisioned:yyyy-MM-dd}); app teams need time to move."
            );
        }
        return deadline;
    }

    [GeneratedRegex(@"^(\d{1,3})([wd])$")]
    private static partial Regex Span();
}
