using System.Buffers.Binary;

namespace Pipelines.GoTemplates.Values;

/// <summary>
/// The zone abbreviations (<c>CET</c>, <c>CEST</c>, <c>EST</c>, <c>+03</c>) of a TZif file from the system's tzdata,
/// which Go prints for <c>MST</c> in a layout and <see cref="TimeZoneInfo"/> does not expose: the type in effect
/// at each transition, and the footer's POSIX rule names for times after the last one.
/// </summary>
internal sealed class TzifNames
{
    private readonly long[] _transitions;
    private readonly byte[] _typeAt;
    private readonly (int Offset, bool Dst, string Name)[] _types;
    private readonly string? _footerStandard;
    private readonly string? _footerDaylight;

    private TzifNames(
        long[] transitions,
        byte[] typeAt,
        (int, bool, string)[] types,
        string? footerStandard,
        string? footerDaylight
    )
    {
        _transitions = transitions;
        _typeAt = typeAt;
        _types = types;
        _footerStandard = footerStandard;
        _footerDaylight = footerDaylight;
    }

    /// <summary>Null when the file is missing or not TZif; callers then print numeric offsets, as Go does for unnamed zones.</summary>
    public static TzifNames? Read(string path)
    {
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllBytes(path)) : null;
        }
        catch (Exception exception)
            when (exception is IOException or ArgumentException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The abbreviation in effect at <paramref name="unixSeconds"/>, given the offset and DST flag .NET computed.</summary>
    public string? NameAt(long unixSeconds, int offset, bool dst)
    {
        var index = Array.BinarySearch(_transitions, unixSeconds);
        index = index >= 0 ? index : ~index - 1;
        if (
            index >= 0
            && index < _transitions.Length - 1
            && _types[_typeAt[index]].Offset == offset
        )
        {
            return _types[_typeAt[index]].Name;
        }
        var footer = dst ? _footerDaylight : _footerStandard;
        if (footer is not null && (index >= _transitions.Length - 1 || _transitions.Length == 0))
        {
            return footer;
        }
        var match = _types.LastOrDefault(t => t.Offset == offset && t.Dst == dst);
        return match.Name ?? _types.LastOrDefault(t => t.Offset == offset).Name;
    }

    /// <summary>The offset of a zone type with this abbreviation, preferring one in effect at <paramref name="unixSeconds"/>.</summary>
    public int? OffsetOf(string name, long unixSeconds)
    {
        var candidates = _types.Where(t => t.Name == name).ToList();
        foreach (var candidate in candidates)
        {
            if (NameAt(unixSeconds - candidate.Offset, candidate.Offset, candidate.Dst) == name)
            {
                return candidate.Offset;
            }
        }
        return candidates.Count > 0 ? candidates[0].Offset : null;
    }

    private static TzifNames? Parse(byte[] data)
    {
        if (
            data.Length < 44
            || data[0] != 'T'
            || data[1] != 'Z'
            || data[2] != 'i'
            || data[3] != 'f'
        )
        {
            return null;
        }
        var version = data[4];
        var (position, wide) = (0, false);
        if (version >= '2')
        {
            // Skip the 32-bit block; the 64-bit one follows with its own header.
            position = 44 + BlockLength(data, 0, timeSize: 4);
            wide = true;
        }
        int Count(int field) =>
            (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(position + 20 + field * 4));
        var (isUt, isStd, leaps, times, types, chars) = (
            Count(0),
            Count(1),
            Count(2),
            Count(3),
            Count(4),
            Count(5)
        );
        var timeSize = wide ? 8 : 4;
        var at = position + 44;
        var transitions = new long[times];
        for (var i = 0; i < times; i++, at += timeSize)
        {
            transitions[i] = wide
                ? BinaryPrimitives.ReadInt64BigEndian(data.AsSpan(at))
                : BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at));
        }
        var typeAt = data.AsSpan(at, times).ToArray();
        at += times;
        var rawTypes = new (int Offset, bool Dst, int NameIndex)[types];
        for (var i = 0; i < types; i++, at += 6)
        {
            rawTypes[i] = (
                BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at)),
                data[at + 4] != 0,
                data[at + 5]
            );
        }
        var names = System.Text.Encoding.ASCII.GetString(data, at, chars);
        at += chars + leaps * (timeSize + 4) + isStd + isUt;
        var zoneTypes = rawTypes
            .Select(t => (t.Offset, t.Dst, names[t.NameIndex..].Split('\0')[0]))
            .ToArray();
        var (standard, daylight) = wide ? FooterNames(data, at) : (null, null);
        return new TzifNames(transitions, typeAt, zoneTypes, standard, daylight);
    }

    private static int BlockLength(byte[] data, int position, int timeSize)
    {
        int Count(int field) =>
            (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(position + 20 + field * 4));
        return Count(3) * timeSize
            + Count(3)
            + Count(4) * 6
            + Count(5)
            + Count(2) * (timeSize + 4)
            + Count(1)
            + Count(0);
    }

    /// <summary>The names in a POSIX TZ rule such as <c>CET-1CEST,M3.5.0,M10.5.0/3</c> or <c>&lt;+03&gt;-3</c>.</summary>
    private static (string?, string?) FooterNames(byte[] data, int at)
    {
        if (at >= data.Length || data[at] != '\n')
        {
            return (null, null);
        }
        var end = Array.IndexOf(data, (byte)'\n', at + 1);
        var rule = System.Text.Encoding.ASCII.GetString(
            data,
            at + 1,
            (end < 0 ? data.Length : end) - at - 1
        );
        var position = 0;
        var standard = Name(rule, ref position);
        while (
            position < rule.Length
            && (char.IsAsciiDigit(rule[position]) || "+-:".Contains(rule[position]))
        )
        {
            position++;
        }
        var daylight =
            position < rule.Length && rule[position] != ',' ? Name(rule, ref position) : null;
        return (standard, daylight ?? standard);
    }

    private static string? Name(string rule, ref int position)
    {
        if (position < rule.Length && rule[position] == '<')
        {
            var close = rule.IndexOf('>', position);
            var quoted = close < 0 ? null : rule[(position + 1)..close];
            position = close < 0 ? rule.Length : close + 1;
            return quoted;
        }
        var start = position;
        while (position < rule.Length && char.IsAsciiLetter(rule[position]))
        {
            position++;
        }
        return position > start ? rule[start..position] : null;
    }
}
