namespace Pipelines.GoTemplates.Values;

/// <summary>Go's parsing of zone offsets (<c>-0700</c>, <c>Z07:00</c>, ...) and zone abbreviations (<c>MST</c>).</summary>
internal static class GoTimeZoneReader
{
    public static bool Offset(
        string v,
        LayoutElement element,
        ParsedFields fields,
        out string after
    )
    {
        after = v;
        var iso = element.ToString().StartsWith("Iso8601", StringComparison.Ordinal);
        if (iso && v.StartsWith('Z'))
        {
            fields.Utc = true;
            after = v[1..];
            return true;
        }
        string sign,
            hour,
            minute,
            second;
        switch (element)
        {
            case LayoutElement.Iso8601ColonTZ or LayoutElement.NumColonTZ:
                if (v.Length < 6 || v[3] != ':')
                {
                    return false;
                }
                (sign, hour, minute, second, after) = (v[..1], v[1..3], v[4..6], "00", v[6..]);
                break;
            case LayoutElement.NumShortTZ or LayoutElement.Iso8601ShortTZ:
                if (v.Length < 3)
                {
                    return false;
                }
                (sign, hour, minute, second, after) = (v[..1], v[1..3], "00", "00", v[3..]);
                break;
            case LayoutElement.Iso8601ColonSecondsTZ or LayoutElement.NumColonSecondsTZ:
                if (v.Length < 9 || v[3] != ':' || v[6] != ':')
                {
                    return false;
                }
                (sign, hour, minute, second, after) = (v[..1], v[1..3], v[4..6], v[7..9], v[9..]);
                break;
            case LayoutElement.Iso8601SecondsTZ or LayoutElement.NumSecondsTZ:
                if (v.Length < 7)
                {
                    return false;
                }
                (sign, hour, minute, second, after) = (v[..1], v[1..3], v[3..5], v[5..7], v[7..]);
                break;
            default:
                if (v.Length < 5)
                {
                    return false;
                }
                (sign, hour, minute, second, after) = (v[..1], v[1..3], v[3..5], "00", v[5..]);
                break;
        }
        if (
            !TwoDigits(hour, out var h)
            || !TwoDigits(minute, out var m)
            || !TwoDigits(second, out var s)
        )
        {
            return false;
        }
        var offset = (h * 60 + m) * 60 + s;
        fields.ZoneOffset = sign switch
        {
            "+" => offset,
            "-" => -offset,
            _ => null,
        };
        return fields.ZoneOffset is not null;
    }

    /// <summary>Go's parseTimeZone: the length of a zone abbreviation at the start of the value, 0 when there is none.</summary>
    public static int NameLength(string v)
    {
        if (v.Length < 3)
        {
            return 0;
        }
        if (v.Length >= 4 && (v[..4] == "ChST" || v[..4] == "MeST"))
        {
            return 4;
        }
        if (v[..3] == "GMT")
        {
            return GmtLength(v);
        }
        if (v[0] is '+' or '-')
        {
            var digits = 1;
            while (digits < v.Length && char.IsAsciiDigit(v[digits]))
            {
                digits++;
            }
            return digits is 3 or 5 ? digits : 0;
        }
        var upper = 0;
        while (upper < v.Length && upper < 6 && char.IsAsciiLetterUpper(v[upper]))
        {
            upper++;
        }
        return upper switch
        {
            5 when v[4] == 'T' => 5,
            4 when v[3] == 'T' || v[..4] == "WITA" => 4,
            3 => 3,
            _ => 0,
        };
    }

    /// <summary>"GMT" alone, or followed by a signed hour offset such as GMT+3 or GMT-10.</summary>
    private static int GmtLength(string v)
    {
        if (v.Length < 5 || v[3] is not ('+' or '-'))
        {
            return 3;
        }
        var end = 4;
        while (end < v.Length && char.IsAsciiDigit(v[end]))
        {
            end++;
        }
        return end > 4 && int.TryParse(v[4..end], out var hours) && hours <= 23 ? end : 3;
    }

    private static bool TwoDigits(string text, out int value)
    {
        value = 0;
        return text.Length == 2
            && char.IsAsciiDigit(text[0])
            && char.IsAsciiDigit(text[1])
            && int.TryParse(text, out value);
    }
}
