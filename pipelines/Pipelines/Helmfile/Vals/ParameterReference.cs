using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Helmfile.Vals;

/// <summary>How a reference reads Parameter Store, as vals' <c>awsssm</c> provider does.</summary>
internal enum ReferenceKind
{
    /// <summary><c>ref+awsssm://path/to/param</c>: the parameter's value, as a string.</summary>
    Parameter,

    /// <summary><c>ref+awsssm://path/to/param?mode=singleparam#/key</c>: a key of the parameter's YAML or JSON value.</summary>
    Document,

    /// <summary><c>ref+awsssm://prefix#/name</c>: the parameters under the prefix as a map, then the fragment.</summary>
    Path,
}

/// <summary>
/// One <c>ref+awsssm://PATH[?region=R&amp;mode=singleparam&amp;recursive=true][#/FRAGMENT][+]</c> expression.
/// <see cref="Name"/> is the parameter name, or for <see cref="ReferenceKind.Path"/> the path, with a leading slash.
/// </summary>
internal sealed record ParameterReference(
    string Text,
    ReferenceKind Kind,
    string Name,
    string? Region,
    bool Recursive,
    IReadOnlyList<string> Fragment
)
{
    private const string Scheme = "ref+awsssm://";
    private const string ValidOptions = "region, mode, recursive";

    // vals' DefaultRefRegexp narrowed to this backend: a ref ends at '+', a space or a line break, and never
    // ends on '"' or ','. 'secretref+' is vals' other spelling of the same ref.
    internal static readonly Regex Pattern = new(
        @"(?:secret)?ref\+awsssm://([^+\n ]+[^+\n "",])\+?",
        RegexOptions.CultureInvariant
    );

    /// <summary>The ref as written, without a <c>secret</c> prefix or the closing <c>+</c>.</summary>
    public static string TextOf(Match match) => Scheme + match.Groups[1].Value;

    public static ParameterReference Parse(Match match, string sourceFile)
    {
        var text = TextOf(match);
        var body = match.Groups[1].Value;
        var (beforeFragment, fragment) = SplitAt(body, '#');
        var (rawPath, query) = SplitAt(beforeFragment, '?');
        string? region = null;
        string? mode = null;
        var recursive = false;
        foreach (var option in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = SplitAt(option, '=');
            value = Uri.UnescapeDataString(value);
            switch (Uri.UnescapeDataString(key))
            {
                case "region":
                    region = value.Length == 0 ? null : value;
                    break;
                case "mode" when value is "" or "singleparam":
                    mode = value.Length == 0 ? null : value;
                    break;
                case "mode":
                    throw Invalid(text, sourceFile, $"unknown mode '{value}'. Valid: singleparam");
                case "recursive" when bool.TryParse(value, out var flag):
                    recursive = flag;
                    break;
                case "recursive":
                    throw Invalid(
                        text,
                        sourceFile,
                        $"recursive must be true or false, not '{value}'"
                    );
                case "version" or "profile" or "role_arn":
                    throw Invalid(
                        text,
                        sourceFile,
                        $"the option '{key}' is not supported here; the build reads parameters with its own AWS "
                            + $"identity (AWS_PROFILE, the instance or pod role). Valid: {ValidOptions}"
                    );
                default:
                    throw Invalid(
                        text,
                        sourceFile,
                        $"unknown option '{key}'. Valid: {ValidOptions}"
                    );
            }
        }

        var keys = ParseFragment(fragment);
        var name = "/" + Uri.UnescapeDataString(rawPath).TrimStart('/');
        if (name == "/" && (keys.Count == 0 || mode is not null))
        {
            throw Invalid(text, sourceFile, "it names no parameter");
        }
        if (keys.Count == 0)
        {
            if (name.EndsWith('/'))
            {
                throw Invalid(text, sourceFile, PathWithoutFragment(name.TrimEnd('/')));
            }
            return new(text, ReferenceKind.Parameter, name, region, recursive, keys);
        }
        if (mode is not null)
        {
            return new(text, ReferenceKind.Document, name.TrimEnd('/'), region, recursive, keys);
        }
        var prefix = name.Length > 1 ? name.TrimEnd('/') : name;
        return new(
            text,
            ReferenceKind.Path,
            prefix.Length == 0 ? "/" : prefix,
            region,
            recursive,
            keys
        );
    }

    /// <summary>The fragment's keys, JSON-pointer style: <c>~1</c> is '/', <c>~0</c> is '~'; <c>#</c> or <c>#/</c> is none.</summary>
    private static List<string> ParseFragment(string fragment)
    {
        var trimmed = fragment.StartsWith('/') ? fragment[1..] : fragment;
        if (trimmed.Length == 0)
        {
            return [];
        }
        return trimmed
            .Split('/')
            .Select(key => Uri.UnescapeDataString(key).Replace("~1", "/").Replace("~0", "~"))
            .ToList();
    }

    private static (string Before, string After) SplitAt(string text, char separator)
    {
        var index = text.IndexOf(separator);
        return index < 0 ? (text, "") : (text[..index], text[(index + 1)..]);
    }

    private static string PathWithoutFragment(string path)
    {
        var problem =
            "a name ending in '/' is a path, not a parameter; vals reads the parameters under a path only "
            + $"with a fragment: {Scheme}{path[1..]}#/KEY for one of them";
        var slash = path.LastIndexOf('/');
        return slash <= 0
            ? problem
            : problem
                + $", or {Scheme}{path[1..slash]}?recursive=true#/{path[(slash + 1)..]} for all as a map";
    }

    private static SourceLocatedException Invalid(string text, string sourceFile, string problem) =>
        new($"{sourceFile}: {text}: {problem}.", sourceFile);
}
