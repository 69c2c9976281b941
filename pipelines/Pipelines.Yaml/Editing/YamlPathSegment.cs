namespace Pipelines.Yaml.Editing;

/// <summary>One step of a <see cref="YamlPath"/>: a mapping key, a list index, or a list item picked by a key's value.</summary>
public abstract record YamlPathSegment
{
    private YamlPathSegment() { }

    /// <summary>The value of <see cref="Name"/> in a mapping: <c>image</c> or <c>["a.b"]</c>.</summary>
    public sealed record Key(string Name) : YamlPathSegment
    {
        public override string ToString() =>
            YamlPath.NeedsQuotes(Name) ? $"[{YamlPath.Quote(Name)}]" : Name;
    }

    /// <summary>The item at a zero-based position of a list: <c>[0]</c>.</summary>
    public sealed record Index(int Position) : YamlPathSegment
    {
        public override string ToString() => $"[{Position}]";
    }

    /// <summary>The mapping item of a list whose <see cref="Field"/> scalar equals <see cref="Value"/>: <c>[name=stage-1]</c>.</summary>
    public sealed record Match(string Field, string Value) : YamlPathSegment
    {
        public override string ToString() =>
            $"[{QuoteIfNeeded(Field, Field.Length == 0 || Field.Contains('='))}={QuoteIfNeeded(Value, false)}]";

        private static string QuoteIfNeeded(string text, bool mustQuote) =>
            mustQuote
            || text.Trim() != text
            || text.Contains(']')
            || text.StartsWith('"')
            || text.StartsWith('\'')
                ? YamlPath.Quote(text)
                : text;
    }
}
