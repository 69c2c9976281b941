using System.Text.RegularExpressions;
using Pipelines.Yaml.Editing;
using YamlDotNet.Core;

namespace Pipelines.GitHubActions.Writing;

/// <summary>
/// Picks how a text scalar is written so that every YAML reader gets the same string back: plain when nothing
/// could misread it, single-quoted when a YAML 1.1 reader would see a bool (<c>on</c>, <c>yes</c>), a number
/// (<c>1.33</c>), null, an alias (<c>*</c> in a cron) or an indicator; a literal block for multi-line scripts.
/// </summary>
internal static partial class ScalarStyles
{
    public static ScalarStyle For(string value)
    {
        if (value.Contains('\n'))
        {
            return value.EndsWith('\n') && !HasTrailingSpaces(value)
                ? ScalarStyle.Literal
                : ScalarStyle.DoubleQuoted;
        }
        if (value.Any(c => char.IsControl(c)))
        {
            return ScalarStyle.DoubleQuoted;
        }
        return NeedsQuotes(value) ? ScalarStyle.SingleQuoted : ScalarStyle.Plain;
    }

    private static bool NeedsQuotes(string value) =>
        value.Length == 0
        || value != value.Trim()
        // Booleans and nulls of YAML 1.1 (which PyYAML and older tools still speak) and 1.2, numbers, dates.
        || PlainScalars.Kind(value) is not PlainKind.String
        || "-?:,[]{}#&*!|>'\"%@`".Contains(value[0])
        || value.Contains(": ", StringComparison.Ordinal)
        || value.Contains(" #", StringComparison.Ordinal)
        || value.EndsWith(':')
        || CronLike().IsMatch(value);

    // A '*' standing alone, as in a cron ('0 6 * * *'): quoted so no reader takes it for an alias.
    [GeneratedRegex(@"(^|\s)\*")]
    private static partial Regex CronLike();

    private static bool HasTrailingSpaces(string value) =>
        value.Split('\n').Any(line => line.Length > 0 && line != line.TrimEnd());
}
