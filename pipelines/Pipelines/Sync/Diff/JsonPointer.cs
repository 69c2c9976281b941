using System.Globalization;
using System.Runtime.CompilerServices;

namespace Pipelines.Sync.Diff;

/// <summary>
/// An RFC 6901 JSON pointer (<c>/spec/template/spec/containers/0/image</c>, <c>~1</c> for "/" and <c>~0</c> for "~"),
/// parsed once, with two extensions for list items: <c>field=value</c> selects the item whose <c>field</c> equals
/// <c>value</c> (<c>/spec/template/spec/containers/name=web/image</c>), and <c>*</c> matches any key or item
/// (<c>/spec/template/spec/containers/*/image</c>, what Argo CD needs a jq expression for).
/// </summary>
internal sealed class JsonPointer
{
    // Keyed by the rule's list instance: rules are parsed once however often they are compared against.
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, JsonPointer[]> Cache =
        new();

    private JsonPointer(string text, PointerSegment[] segments)
    {
        Text = text;
        Segments = segments;
    }

    public string Text { get; }

    public PointerSegment[] Segments { get; }

    public static JsonPointer[] ParseAll(IReadOnlyList<string> pointers) =>
        Cache.GetValue(pointers, list => list.Select(Parse).ToArray());

    public static JsonPointer Parse(string text)
    {
        if (text.Length < 2 || text[0] != '/')
        {
            throw new ArgumentException(
                $"Invalid JSON pointer '{text}': it must start with '/' and name a field, e.g. /spec/replicas or "
                    + "/spec/template/spec/containers/name=web/image.",
                nameof(text)
            );
        }
        var segments = text[1..].Split('/').Select(s => new PointerSegment(Unescape(s))).ToArray();
        return new JsonPointer(text, segments);
    }

    private static string Unescape(string segment) =>
        segment
            .Replace("~1", "/", StringComparison.Ordinal)
            .Replace("~0", "~", StringComparison.Ordinal);
}

/// <summary>One step of a <see cref="JsonPointer"/>: a key, a list index, a <c>field=value</c> selector or <c>*</c>.</summary>
internal sealed class PointerSegment
{
    private readonly string _text;
    private readonly int? _index;
    private readonly string? _field;
    private readonly string? _value;
    private readonly long? _number;

    public PointerSegment(string text)
    {
        _text = text;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            _index = index;
        }
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            _field = text[..equals];
            _value = text[(equals + 1)..];
            _number = long.TryParse(_value, CultureInfo.InvariantCulture, out var n) ? n : null;
        }
    }

    public bool Matches(in PathSegment segment)
    {
        if (_text == "*")
        {
            return true;
        }
        if (segment.Key is not null)
        {
            return string.Equals(_text, segment.Key, StringComparison.Ordinal);
        }
        if (_index is { } index)
        {
            return index == segment.Index;
        }
        if (
            _field is null
            || segment.Item is null
            || !segment.Item.TryGetValue(_field, out var value)
        )
        {
            return false;
        }
        return value switch
        {
            string text => string.Equals(text, _value, StringComparison.Ordinal),
            long number => number == _number,
            _ => false,
        };
    }
}
