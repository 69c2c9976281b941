using System.Globalization;
using System.Text;

namespace Pipelines.GoTemplates.Formatting;

/// <summary>
/// Go's strconv.Quote (what <c>%q</c> and sprig's <c>quote</c> produce): printable characters stay as they are,
/// the rest become <c>\n</c>, <c>\x01</c>, <c>\u00a0</c> style escapes.
/// </summary>
internal static class GoQuote
{
    public static string Quote(string text) => Quote(text.EnumerateRunes(), '"');

    /// <summary>A character constant, as <c>%q</c> prints an integer: <c>'a'</c>.</summary>
    public static string QuoteRune(long codePoint) =>
        Quote(
            [
                Rune.IsValid((int)codePoint) && codePoint <= int.MaxValue
                    ? new Rune((int)codePoint)
                    : Rune.ReplacementChar,
            ],
            '\''
        );

    private static string Quote(IEnumerable<Rune> runes, char quote)
    {
        var text = new StringBuilder().Append(quote);
        foreach (var rune in runes)
        {
            var value = rune.Value;
            if (value == quote || value == '\\')
            {
                text.Append('\\').Append((char)value);
                continue;
            }
            if (IsPrint(rune))
            {
                text.Append(rune.ToString());
                continue;
            }
            text.Append(
                value switch
                {
                    '\a' => @"\a",
                    '\b' => @"\b",
                    '\f' => @"\f",
                    '\n' => @"\n",
                    '\r' => @"\r",
                    '\t' => @"\t",
                    '\v' => @"\v",
                    < ' ' or 0x7f => $@"\x{value:x2}",
                    < 0x10000 => $@"\u{value:x4}",
                    _ => $@"\U{value:x8}",
                }
            );
        }
        return text.Append(quote).ToString();
    }

    /// <summary>Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    private static bool IsPrint(Rune rune) =>
        rune.Value == ' '
        || Rune.GetUnicodeCategory(rune)
            is >= UnicodeCategory.UppercaseLetter
                and <= UnicodeCategory.OtherNumber
                or >= UnicodeCategory.ConnectorPunctuation
                and <= UnicodeCategory.OtherSymbol;
}
