using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pipelines.GoTemplates.Formatting;

/// <summary>
/// Go's encoding/json for plain data: map keys sorted, <c>&lt; &gt; &amp;</c> escaped as <c>\u003c</c> and so on
/// unless raw, floats in Go's JSON notation, and MarshalIndent's two-space layout. Decoding gives numbers as
/// float64, as Go's Unmarshal into <c>interface{}</c> does.
/// </summary>
internal static class GoJson
{
    public static string Encode(object? value, bool escapeHtml = true, bool indent = false)
    {
        var text = new StringBuilder();
        Write(text, value, escapeHtml, indent ? "\n" : null);
        return text.ToString();
    }

    /// <summary>Null when <paramref name="json"/> is not valid JSON.</summary>
    public static bool TryDecode(string json, out object? value)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            value = Convert(document.RootElement);
            return true;
        }
        catch (JsonException)
        {
            value = null;
            return false;
        }
    }

    private static object? Convert(JsonElement element) =>
        element.ValueKind switch
        {
            JsonValueKind.Object => element
                .EnumerateObject()
                .GroupBy(p => p.Name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Convert(g.Last().Value), StringComparer.Ordinal),
            JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToList(),
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };

    /// <summary><paramref name="newline"/> is null for compact output, else the newline plus current indentation.</summary>
    private static void Write(StringBuilder text, object? value, bool escapeHtml, string? newline)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                Quote(text, s, escapeHtml);
                break;
            case bool flag:
                text.Append(flag ? "true" : "false");
                break;
            case long whole:
                text.Append(whole.ToString(CultureInfo.InvariantCulture));
                break;
            case double real:
                text.Append(
                    GoFloat.Json(real)
                        ?? throw new FormatException(
                            $"json: unsupported value: {GoFloat.Shortest(real)}"
                        )
                );
                break;
            case IReadOnlyDictionary<string, object?> map:
                var keys = map.Keys.Order(StringComparer.Ordinal).ToList();
                Container(
                    text,
                    '{',
                    '}',
                    keys.Count,
                    newline,
                    (i, inner) =>
                    {
                        Quote(text, keys[i], escapeHtml);
                        text.Append(inner is null ? ":" : ": ");
                        Write(text, map[keys[i]], escapeHtml, inner);
                    }
                );
                break;
            case IReadOnlyList<object?> list:
                Container(
                    text,
                    '[',
                    ']',
                    list.Count,
                    newline,
                    (i, inner) => Write(text, list[i], escapeHtml, inner)
                );
                break;
            case Values.IGoObject goObject:
                text.Append(goObject.JsonText());
                break;
            default:
                Quote(text, GoFormat.Value(value), escapeHtml);
                break;
        }
    }

    private static void Container(
        StringBuilder text,
        char open,
        char close,
        int count,
        string? newline,
        Action<int, string?> element
    )
    {
        text.Append(open);
        var inner = newline is null ? null : newline + "  ";
        for (var i = 0; i < count; i++)
        {
            text.Append(i > 0 ? "," : "").Append(inner);
            element(i, inner);
        }
        if (count > 0)
        {
            text.Append(newline);
        }
        text.Append(close);
    }

    private static void Quote(StringBuilder text, string value, bool escapeHtml)
    {
        text.Append('"');
        foreach (var rune in Runes(value))
        {
            var c = rune.Value;
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case < 0x20 or 0x2028 or 0x2029:
                case '<' or '>' or '&' when escapeHtml:
                    text.Append("\\u").Append(c.ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(rune.ToString());
                    break;
            }
        }
        text.Append('"');
    }

    /// <summary>The string's characters; a lone surrogate (invalid UTF-16) becomes U+FFFD as Go does for bad UTF-8.</summary>
    private static IEnumerable<Rune> Runes(string value)
    {
        for (var i = 0; i < value.Length; )
        {
            var status = Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var used);
            yield return status == System.Buffers.OperationStatus.Done
                ? rune
                : Rune.ReplacementChar;
            i += Math.Max(used, 1);
        }
    }
}
