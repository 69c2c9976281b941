using System.Globalization;
using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.Vals;

/// <summary>
/// The two passes over plain data: finding the refs in its strings, and building a copy with each ref replaced.
/// Paths are written the way helm users write keys: <c>db.password</c>, <c>hosts[0]</c>; the root is <c>.</c>.
/// </summary>
internal static class ReferenceWalker
{
    public static bool ContainsReferences(object? data) =>
        data switch
        {
            string text => ParameterReference.Pattern.IsMatch(text),
            Dictionary<string, object?> map => map.Values.Any(ContainsReferences),
            List<object?> list => list.Any(ContainsReferences),
            _ => false,
        };

    /// <summary>Every distinct ref in <paramref name="data"/>, parsed; a malformed one fails here, before any call.</summary>
    public static IReadOnlyList<ParameterReference> Collect(object? data, string sourceFile)
    {
        var found = new Dictionary<string, ParameterReference>(StringComparer.Ordinal);
        Visit(data);
        return [.. found.Values];

        void Visit(object? node)
        {
            switch (node)
            {
                case string text:
                    foreach (Match match in ParameterReference.Pattern.Matches(text))
                    {
                        var key = ParameterReference.TextOf(match);
                        if (!found.ContainsKey(key))
                        {
                            found[key] = ParameterReference.Parse(match, sourceFile);
                        }
                    }
                    break;
                case Dictionary<string, object?> map:
                    map.Values.ToList().ForEach(Visit);
                    break;
                case List<object?> list:
                    list.ForEach(Visit);
                    break;
            }
        }
    }

    /// <summary>
    /// A copy of <paramref name="data"/> with refs replaced by <paramref name="values"/> (keyed by ref text).
    /// A string that is one ref becomes the value itself, map or scalar (as vals keeps the type); refs inside
    /// longer text are replaced by their text, so they must select single values. Adds each replaced path to
    /// <paramref name="replacedPaths"/>.
    /// </summary>
    public static object? Substitute(
        object? data,
        IReadOnlyDictionary<string, object?> values,
        List<string> replacedPaths,
        string sourceFile
    )
    {
        return Copy(data, "");

        object? Copy(object? node, string path) =>
            node switch
            {
                string text => Replace(text, path),
                Dictionary<string, object?> map => map.ToDictionary(
                    pair => pair.Key,
                    pair => Copy(pair.Value, path.Length == 0 ? pair.Key : $"{path}.{pair.Key}")
                ),
                List<object?> list => list.Select((item, index) => Copy(item, $"{path}[{index}]"))
                    .ToList(),
                _ => node,
            };

        object? Replace(string text, string path)
        {
            var matches = ParameterReference.Pattern.Matches(text);
            if (matches.Count == 0)
            {
                return text;
            }
            replacedPaths.Add(path.Length == 0 ? "." : path);
            if (matches.Count == 1 && matches[0].Length == text.Length)
            {
                return DeepCopy(values[ParameterReference.TextOf(matches[0])]);
            }
            return ParameterReference.Pattern.Replace(
                text,
                match => Embedded(values[ParameterReference.TextOf(match)], match, path)
            );
        }

        string Embedded(object? value, Match match, string path) =>
            value switch
            {
                string text => text,
                bool flag => flag ? "true" : "false",
                long or double => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
                _ => throw new SourceLocatedException(
                    $"{sourceFile}: {ParameterReference.TextOf(match)} at {(path.Length == 0 ? "." : path)} "
                        + $"selects {YamlData.Describe(value)}, which cannot be put inside a longer string. "
                        + "Make the ref the whole value, or select a single value with its #/fragment.",
                    sourceFile
                ),
            };
    }

    /// <summary>Maps and lists copied, so that two refs to one subtree never share (and mutate) one object.</summary>
    public static object? DeepCopy(object? value) =>
        value switch
        {
            Dictionary<string, object?> map => map.ToDictionary(p => p.Key, p => DeepCopy(p.Value)),
            List<object?> list => list.Select(DeepCopy).ToList(),
            _ => value,
        };
}
