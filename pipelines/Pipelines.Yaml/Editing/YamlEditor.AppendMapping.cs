using YamlDotNet.Core;

namespace Pipelines.Yaml.Editing;

public sealed partial class YamlEditor
{
    /// <summary>
    /// Appends a mapping item to the list at <paramref name="sequence"/>, with the same indentation and <c>- </c>
    /// style as its siblings (e.g. a new cluster after the last one). Values are strings or lists of strings (a
    /// nested block list; an empty list is written <c>[]</c>); a value is quoted like the same key's value in the
    /// last sibling. A missing list is created under a new key.
    /// </summary>
    public YamlEditor AppendMapping(
        YamlPath sequence,
        IReadOnlyList<KeyValuePair<string, object>> entries
    )
    {
        ArgumentNullException.ThrowIfNull(entries);
        var duplicate = entries.GroupBy(e => e.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"The key '{duplicate.Key}' is given twice.",
                nameof(entries)
            );
        }
        foreach (var (key, value) in entries)
        {
            CheckValue(key);
            foreach (
                var text in value switch
                {
                    string single => [single],
                    IReadOnlyList<string> list => list,
                    _ => throw new ArgumentException(
                        $"The value of '{key}' must be a string or a list of strings, not {value?.GetType().Name ?? "null"}.",
                        nameof(entries)
                    ),
                }
            )
            {
                CheckValue(text);
            }
        }
        return Append(
            sequence,
            list => NewItem(entries, list),
            $"appending a mapping to '{sequence}'",
            after => MappingReadsBack(after, sequence, entries)
        );
    }

    private static NewMapping NewItem(
        IReadOnlyList<KeyValuePair<string, object>> entries,
        SequenceNode? list
    )
    {
        var sibling = list?.Items.Select(i => i.Value).OfType<MappingNode>().LastOrDefault();
        NewValue Value(string key, object value)
        {
            var like = sibling?.Entries.FirstOrDefault(e => e.KeyText == key)?.Value;
            return value is string text
                ? new NewScalar(
                    text,
                    like is ScalarNode s && !s.IsBlock ? QuotedOrPlain(s.Style) : ScalarStyle.Plain
                )
                : new NewList(
                    ((IReadOnlyList<string>)value)
                        .Select(t => (NewValue)new NewScalar(t, ItemStyle(like as SequenceNode)))
                        .ToList()
                );
        }
        return new NewMapping(
            entries
                .Select(e => new KeyValuePair<string, NewValue>(e.Key, Value(e.Key, e.Value)))
                .ToList()
        );
    }

    private static ScalarStyle QuotedOrPlain(ScalarStyle style) =>
        style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? style : ScalarStyle.Plain;

    private static string? MappingReadsBack(
        YamlEditor after,
        YamlPath sequence,
        IReadOnlyList<KeyValuePair<string, object>> entries
    )
    {
        var count = after.Locator(sequence).Read() is SequenceNode list ? list.Items.Count : 0;
        var item = sequence.Append(new YamlPathSegment.Index(count - 1));
        foreach (var (key, value) in entries)
        {
            var at = item.Append(new YamlPathSegment.Key(key));
            var matches = value is string text
                ? after.GetScalar(at) == text
                : after.GetScalarSequence(at).SequenceEqual((IReadOnlyList<string>)value);
            if (!matches)
            {
                return $"does not read '{at}' back as given";
            }
        }
        return null;
    }
}
