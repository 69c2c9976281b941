using System.Globalization;
using System.Text;
using YamlDotNet.Core;

namespace Pipelines.Yaml.Editing;

/// <summary>
/// Writes a string as a YAML scalar in a wanted style, falling back to double quotes whenever the style could not
/// carry the exact text: plain only when it reads back as this same string (or as the same kind of value the old
/// plain scalar had, so <c>replicas: 3</c> can become <c>4</c>), single quotes only for printable one-line text.
/// </summary>
internal static class ScalarWriter
{
    public static string Write(
        string value,
        ScalarStyle style,
        bool inFlow,
        PlainKind keepKind = PlainKind.String
    ) =>
        style switch
        {
            ScalarStyle.SingleQuoted when IsPrintableLine(value) => SingleQuoted(value),
            ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted => DoubleQuoted(value),
            _ when CanBePlain(value, inFlow, keepKind) => value,
            _ => DoubleQuoted(value),
        };

    /// <summary>A new key: plain when it reads back as this string, else double-quoted.</summary>
    public static string Key(string key, bool inFlow) => Write(key, ScalarStyle.Plain, inFlow);

    public static bool CanBePlain(string value, bool inFlow, PlainKind keepKind = PlainKind.String)
    {
        var kind = PlainScalars.Kind(value);
        if (kind != PlainKind.String && kind != keepKind || value.Length == 0)
        {
            return false;
        }
        if (
            !IsPrintableLine(value)
            || value.Contains('\t')
            || char.IsWhiteSpace(value[0])
            || char.IsWhiteSpace(value[^1])
        )
        {
            return false;
        }
        if (
            "#,[]{}&*!|>'\"%@`?:".Contains(value[0])
            || value[0] == '-' && (value.Length == 1 || value[1] == ' ')
        )
        {
            return false;
        }
        if (
            value.StartsWith("---", StringComparison.Ordinal)
            || value.StartsWith("...", StringComparison.Ordinal)
        )
        {
            return false;
        }
        if (
            value.Contains(": ", StringComparison.Ordinal)
            || value.EndsWith(':')
            || value.Contains(" #", StringComparison.Ordinal)
        )
        {
            return false;
        }
        return !inFlow || value.IndexOfAny([',', '[', ']', '{', '}', ':']) < 0;
    }

    public static string SingleQuoted(string value) =>
        "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string DoubleQuoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var rune in value.EnumerateRunes())
        {
            text.Append(
                rune.Value switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    0 => "\\0",
                    7 => "\\a",
                    8 => "\\b",
                    '\t' => "\\t",
                    '\n' => "\\n",
                    0x0B => "\\v",
                    0x0C => "\\f",
                    '\r' => "\\r",
                    0x1B => "\\e",
                    0x85 => "\\N",
                    0x2028 => "\\L",
                    0x2029 => "\\P",
                    var c when !IsPrintable(c) && c <= 0xFF => "\\x"
                        + c.ToString("X2", CultureInfo.InvariantCulture),
                    var c when !IsPrintable(c) => "\\u"
                        + c.ToString("X4", CultureInfo.InvariantCulture),
                    _ => rune.ToString(),
                }
            );
        }
        return text.Append('"').ToString();
    }

    /// <summary>Printable YAML characters with no line break: what single quotes and plain scalars can hold verbatim.</summary>
    public static bool IsPrintableLine(string value) =>
        value
            .EnumerateRunes()
            .All(r =>
                IsPrintable(r.Value) && r.Value is not ('\n' or '\r' or 0x85 or 0x2028 or 0x2029)
            );

    /// <summary>A UTF-16 surrogate without its pair cannot be written to a UTF-8 file at all.</summary>
    public static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (
                char.IsHighSurrogate(value[i])
                && i + 1 < value.Length
                && char.IsLowSurrogate(value[i + 1])
            )
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }
        return false;
    }

    // YAML 1.2 c-printable, without the byte order mark.
    private static bool IsPrintable(int c) =>
        c
            is '\t'
                or '\n'
                or '\r'
                or (>= 0x20 and <= 0x7E)
                or 0x85
                or (>= 0xA0 and <= 0xD7FF)
                or (>= 0xE000 and <= 0xFFFD and not 0xFEFF)
                or (>= 0x10000 and <= 0x10FFFF);
}
