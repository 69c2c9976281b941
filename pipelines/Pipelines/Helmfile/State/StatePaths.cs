using System.Text;
using System.Text.RegularExpressions;

namespace Pipelines.Helmfile.State;

/// <summary>
/// The files a <c>helmfiles:</c> path names, as helmfile finds them: a glob in Go's <c>filepath.Glob</c> syntax
/// (<c>*</c>, <c>?</c>, <c>[a-z]</c>, <c>\</c> to escape; none crosses a <c>/</c>) relative to the declaring file,
/// matches sorted; a directory stands for its <c>*.y*ml</c> and <c>*.y*ml.gotmpl</c> files.
/// </summary>
internal static class StatePaths
{
    public static IReadOnlyList<string> Expand(string pattern, string baseDirectory)
    {
        var full = Path.GetFullPath(pattern, baseDirectory);
        var matches = new List<string>();
        if (HasMeta(full))
        {
            matches.AddRange(Glob(full));
        }
        else if (File.Exists(full) || Directory.Exists(full))
        {
            matches.Add(full);
        }
        var files = new List<string>();
        foreach (var match in matches)
        {
            if (Directory.Exists(match))
            {
                files.AddRange(Glob(Path.Combine(match, "*.y*ml")));
                files.AddRange(Glob(Path.Combine(match, "*.y*ml.gotmpl")));
            }
            else
            {
                files.Add(match);
            }
        }
        return files.Order(StringComparer.Ordinal).ToList();
    }

    private static bool HasMeta(string path) => path.IndexOfAny(['*', '?', '[', '\\']) >= 0;

    private static List<string> Glob(string pattern)
    {
        var current = new List<string> { "/" };
        foreach (var segment in pattern.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = new List<string>();
            foreach (var directory in current)
            {
                if (!HasMeta(segment))
                {
                    var path = Path.Combine(directory, segment);
                    if (File.Exists(path) || Directory.Exists(path))
                    {
                        next.Add(path);
                    }
                    continue;
                }
                if (!Directory.Exists(directory))
                {
                    continue;
                }
                var matcher = Matcher(segment);
                next.AddRange(
                    Directory
                        .EnumerateFileSystemEntries(directory)
                        .Where(entry => matcher.IsMatch(Path.GetFileName(entry)))
                );
            }
            current = next;
        }
        return current;
    }

    /// <summary>One path segment of a Go glob as a regular expression.</summary>
    private static Regex Matcher(string segment)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '\\' when i + 1 < segment.Length:
                    regex.Append(Regex.Escape(segment[++i].ToString()));
                    break;
                case '[':
                    var close = segment.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        throw new ArgumentException($"'{segment}' has a [ without its ]");
                    }
                    // Go negates a class with ^ as .NET does; the rest is taken literally, ranges included.
                    var set = segment[(i + 1)..close];
                    var negated = set.StartsWith('^');
                    regex
                        .Append(negated ? "[^" : "[")
                        .Append(Regex.Escape(negated ? set[1..] : set).Replace("\\-", "-"))
                        .Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
