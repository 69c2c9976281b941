using System.Globalization;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.State;

namespace Pipelines.Helmfile.Rendering;

/// <summary>
/// A release's <c>set:</c> entries as a values map, typed as helm types <c>--set name=value</c> (true/false, null,
/// integers without a leading zero; everything else a string; <c>values:</c> a list), with helm's name syntax:
/// dotted paths, <c>\.</c> for a dot inside a key, <c>[n]</c> for a list index. helm reads them from a values file
/// (the last one, so they win, as --set wins over -f) instead of its command line, where a value templated from a
/// secret would show in every process listing.
/// </summary>
internal static class SetValues
{
    public static Dictionary<string, object?> ToValues(
        IEnumerable<SetValue> sets,
        string release,
        string declaredIn
    )
    {
        var root = new Dictionary<string, object?>();
        foreach (var set in sets)
        {
            var value = set.Values is { } list
                ? list.Select(item => Typed(Text(item))).ToList()
                : Typed(Text(set.Value));
            Set(root, set.Name, value, why => Invalid(set.Name, release, declaredIn, why));
        }
        return root;
    }

    /// <summary>An assignment split at its first '=', as helm splits one; null when it has no '=' or nothing before it.</summary>
    internal static (string Name, string Value)? Assignment(string text)
    {
        var equals = text.IndexOf('=');
        return equals > 0 ? (text[..equals], text[(equals + 1)..]) : null;
    }

    /// <summary>
    /// Places <paramref name="value"/> at a helm value path (<c>a.b[0].c</c>) in <paramref name="root"/>;
    /// <paramref name="invalid"/> makes the error for a malformed path from the reason.
    /// </summary>
    internal static void Set(
        Dictionary<string, object?> root,
        string name,
        object? value,
        Func<string, Exception> invalid
    ) => Place(root, Path(name, invalid), value, invalid);

    /// <summary>helm's strvals typing of a --set value.</summary>
    internal static object? Typed(string text)
    {
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (string.Equals(text, "null", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (text == "0")
        {
            return 0L;
        }
        return
            text.Length > 0
            && text[0] != '0'
            && long.TryParse(
                text,
                NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture,
                out var number
            )
            ? number
            : text;
    }

    private abstract record Segment;

    private sealed record Key(string Name) : Segment;

    private sealed record Index(int Position) : Segment;

    private static List<Segment> Path(string name, Func<string, Exception> invalid)
    {
        var segments = new List<Segment>();
        var key = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '\\' && i + 1 < name.Length)
            {
                key.Append(name[++i]);
            }
            else if (c == '.')
            {
                Flush();
            }
            else if (c == '[')
            {
                Flush();
                var close = name.IndexOf(']', i);
                if (
                    close < 0
                    || !int.TryParse(
                        name[(i + 1)..close],
                        NumberStyles.None,
                        CultureInfo.InvariantCulture,
                        out var position
                    )
                )
                {
                    throw invalid("a list index must be [<number>]");
                }
                segments.Add(new Index(position));
                i = close;
            }
            else
            {
                key.Append(c);
            }
        }
        Flush();
        if (segments.Count == 0 || segments[0] is not Key)
        {
            throw invalid("it must start with a key");
        }
        return segments;

        void Flush()
        {
            if (key.Length > 0)
            {
                segments.Add(new Key(key.ToString()));
                key.Clear();
            }
        }
    }

    private static void Place(
        Dictionary<string, object?> root,
        List<Segment> path,
        object? value,
        Func<string, Exception> invalid
    )
    {
        object container = root;
        for (var i = 0; i < path.Count; i++)
        {
            var last = i == path.Count - 1;
            object? Next() =>
                path[i + 1] is Index ? new List<object?>() : new Dictionary<string, object?>();
            switch (path[i], container)
            {
                case (Key key, Dictionary<string, object?> map):
                    if (last)
                    {
                        map[key.Name] = value;
                        return;
                    }
                    if (!map.TryGetValue(key.Name, out var child) || !Fits(child, path[i + 1]))
                    {
                        child = map[key.Name] = Next();
                    }
                    container = child!;
                    break;
                case (Index index, List<object?> list):
                    while (list.Count <= index.Position)
                    {
                        list.Add(null);
                    }
                    if (last)
                    {
                        list[index.Position] = value;
                        return;
                    }
                    if (!Fits(list[index.Position], path[i + 1]))
                    {
                        list[index.Position] = Next();
                    }
                    container = list[index.Position]!;
                    break;
                default:
                    throw invalid("it mixes a list index and a key at one level");
            }
        }
    }

    private static bool Fits(object? child, Segment next) =>
        next is Index ? child is List<object?> : child is Dictionary<string, object?>;

    private static string Text(object? value) =>
        value switch
        {
            null => "null",
            bool flag => flag ? "true" : "false",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };

    private static SourceLocatedException Invalid(
        string name,
        string release,
        string declaredIn,
        string why
    ) =>
        new(
            $"{declaredIn}: release '{release}': set name '{name}' is not a helm value path ({why}), e.g. image.tag, "
                + "ingress.hosts[0].host or a\\.b for a key with a dot.",
            declaredIn
        );
}
