namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// sprig's path functions with Go's <c>path</c> package rules (slash-separated, purely lexical). The <c>os</c>
/// variants use <c>filepath</c>, which on Linux and macOS are the same rules.
/// </summary>
internal static class PathFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        new (string Name, Func<string, object?> Function)[]
        {
            ("base", Base),
            ("dir", Dir),
            ("clean", Clean),
            ("ext", Ext),
            ("isAbs", path => path.StartsWith('/')),
        }.SelectMany(f =>
            new TemplateFunction[]
            {
                new(f.Name, 1, 1, call => f.Function(call.String(0))),
                new(
                    "os" + char.ToUpperInvariant(f.Name[0]) + f.Name[1..],
                    1,
                    1,
                    call => f.Function(call.String(0))
                ),
            }
        );

    /// <summary>path.Base: the last element, trailing slashes ignored; "" is "." and all slashes "/".</summary>
    public static string Base(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }
        path = path.TrimEnd('/');
        if (path.Length == 0)
        {
            return "/";
        }
        return path[(path.LastIndexOf('/') + 1)..];
    }

    /// <summary>path.Dir: everything before the last element, cleaned.</summary>
    public static string Dir(string path) => Clean(path[..(path.LastIndexOf('/') + 1)]);

    /// <summary>path.Ext: from the last dot of the last element, or "".</summary>
    public static string Ext(string path)
    {
        for (var i = path.Length - 1; i >= 0 && path[i] != '/'; i--)
        {
            if (path[i] == '.')
            {
                return path[i..];
            }
        }
        return "";
    }

    /// <summary>path.Clean: one slash between elements, no "." elements, ".." resolved lexically.</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }
        var rooted = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add(part);
                }
                continue;
            }
            parts.Add(part);
        }
        var cleaned = (rooted ? "/" : "") + string.Join('/', parts);
        return cleaned.Length == 0 ? "." : cleaned;
    }
}
