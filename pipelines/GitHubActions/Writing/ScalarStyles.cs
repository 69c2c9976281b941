using System.Text.RegularExpressions;
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
        || Reserved().IsMatch(value)
        || NumberLike().IsMatch(value)
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

    // Booleans and nulls of YAML 1.1 (which PyYAML and older tools still speak) and 1.2.
    [GeneratedRegex(
        "^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$"
    )]
    private static partial Regex Reserved();

    // Integers, floats (1.33, .5, 1e3), sexagesimals (1:30), octal and hex, infinities and NaN, dates.
    [GeneratedRegex(
        @"^([-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|0o?[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)$"
    )]
    private static partial Regex NumberLike();
}
