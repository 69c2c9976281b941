using System.Text.RegularExpressions;

namespace Pipelines.Yaml.Editing;

/// <summary>What a reader makes of an unquoted scalar.</summary>
internal enum PlainKind
{
    String,
    Null,
    Bool,
    Int,
    Float,
    Timestamp,
    Special,
}

/// <summary>
/// Resolves unquoted scalars by the union of YAML 1.1 (go-yaml v2, PyYAML: <c>yes</c>, <c>on</c>, <c>0777</c>,
/// <c>1_000</c>, <c>1:20</c>, dates) and YAML 1.2 core (<c>12e4567</c>, <c>0o17</c>): a text that any of the readers
/// behind helm, helmfile or kubectl would not read as a string is not a string here. Being strict only costs quotes.
/// </summary>
internal static partial class PlainScalars
{
    private static readonly HashSet<string> Nulls = ["", "~", "null", "Null", "NULL"];

    // YAML 1.1 booleans (GoYamlScalars quotes the same words) and YAML 1.2's true/false.
    private static readonly HashSet<string> Bools =
    [
        "y",
        "Y",
        "yes",
        "Yes",
        "YES",
        "n",
        "N",
        "no",
        "No",
        "NO",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
        "true",
        "True",
        "TRUE",
        "false",
        "False",
        "FALSE",
    ];

    public static PlainKind Kind(string text) =>
        text switch
        {
            _ when Nulls.Contains(text) => PlainKind.Null,
            _ when Bools.Contains(text) => PlainKind.Bool,
            "<<" or "=" => PlainKind.Special,
            _ when Int().IsMatch(text) => PlainKind.Int,
            _ when Float().IsMatch(text) => PlainKind.Float,
            _ when Timestamp().IsMatch(text) => PlainKind.Timestamp,
            _ => PlainKind.String,
        };

    [GeneratedRegex(
        "^[-+]?([0-9][0-9_]*|0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])+)$"
    )]
    private static partial Regex Int();

    [GeneratedRegex(
        @"^([-+]?(\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*)$"
    )]
    private static partial Regex Float();

    [GeneratedRegex("^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")]
    private static partial Regex Timestamp();
}
