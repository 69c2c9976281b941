using System.Text;
using System.Text.Json;

namespace Pipelines.Yaml.Editing;

/// <summary>
/// A document as plain data for the edit check: mappings as ordered entries, lists, scalars as their text, aliases
/// by anchor name. Changes are replayed on it along the concrete route (keys and positions) an edit took.
/// </summary>
internal static class PlainData
{
    public sealed record Alias(string Name);

    public sealed class Map
    {
        public List<KeyValuePair<string, object>> Entries { get; } = [];
    }

    public static object From(YamlNode? node) =>
        node switch
        {
            null => new Map(),
            ScalarNode scalar => scalar.Value,
            AliasNode alias => new Alias(alias.Name),
            MappingNode mapping => Fill(
                new Map(),
                mapping.Entries.Select(e => new KeyValuePair<string, object>(
                    e.KeyText ?? Canonical(From(e.Key)),
                    From(e.Value)
                ))
            ),
            SequenceNode sequence => sequence.Items.Select(i => From(i.Value)).ToList(),
            _ => throw new InvalidOperationException(node.GetType().Name),
        };

    public static object From(NewValue value) =>
        value switch
        {
            NewScalar scalar => scalar.Value,
            NewMapping mapping => Fill(
                new Map(),
                mapping.Entries.Select(e => new KeyValuePair<string, object>(e.Key, From(e.Value)))
            ),
            NewList list => list.Items.Select(From).ToList(),
            _ => throw new InvalidOperationException(value.GetType().Name),
        };

    /// <summary>
    /// Replaces what lies at <paramref name="steps"/> with <paramref name="change"/>'s result (null removes a key).
    /// Missing keys and empty values on the way become mappings, as the editor creates them.
    /// </summary>
    public static object? Update(
        object? node,
        IReadOnlyList<object> steps,
        Func<object?, object?> change,
        int at = 0
    )
    {
        if (at == steps.Count)
        {
            return change(node);
        }
        if (steps[at] is int index)
        {
            var list = (List<object>)node!;
            list[index] = Update(list[index], steps, change, at + 1)!;
            return list;
        }
        var key = (string)steps[at];
        var map = node as Map ?? new Map();
        var found = map.Entries.FindIndex(e => e.Key == key);
        var value = Update(found >= 0 ? map.Entries[found].Value : null, steps, change, at + 1);
        if (value is null)
        {
            map.Entries.RemoveAt(found);
        }
        else if (found >= 0)
        {
            map.Entries[found] = new(key, value);
        }
        else
        {
            map.Entries.Add(new(key, value));
        }
        return map;
    }

    public static string Canonical(object? value)
    {
        var text = new StringBuilder();
        Write(value);
        return text.ToString();

        void Write(object? node)
        {
            switch (node)
            {
                case string scalar:
                    text.Append(JsonSerializer.Serialize(scalar));
                    break;
                case Alias alias:
                    text.Append('*').Append(alias.Name);
                    break;
                case Map map:
                    text.Append('{');
                    foreach (var (key, child) in map.Entries)
                    {
                        text.Append(JsonSerializer.Serialize(key)).Append(':');
                        Write(child);
                        text.Append(',');
                    }
                    text.Append('}');
                    break;
                case List<object> list:
                    text.Append('[');
                    list.ForEach(item =>
                    {
                        Write(item);
                        text.Append(',');
                    });
                    text.Append(']');
                    break;
            }
        }
    }

    private static Map Fill(Map map, IEnumerable<KeyValuePair<string, object>> entries)
    {
        map.Entries.AddRange(entries);
        return map;
    }
}
