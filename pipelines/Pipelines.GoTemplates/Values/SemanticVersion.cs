using System.Globalization;
using System.Text.RegularExpressions;
using Pipelines.GoTemplates.Functions;

namespace Pipelines.GoTemplates.Values;

/// <summary>
/// A Masterminds/semver v3 <c>*semver.Version</c>, as sprig's <c>semver</c> returns it: parsed loosely (<c>v1.2</c> is
/// 1.2.0), printed normalised (<c>1.2.0</c>), with <c>.Original</c> keeping the text and the methods templates call.
/// </summary>
internal sealed partial record SemanticVersion(
    ulong Major,
    ulong Minor,
    ulong Patch,
    string Prerelease,
    string Metadata,
    string Original
) : IGoObject
{
    [GeneratedRegex(
        @"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex Loose();

    /// <summary>semver.NewVersion; the messages are Masterminds' own.</summary>
    public static SemanticVersion Parse(string text)
    {
        if (text.Length == 0)
        {
            throw new FormatException("version string empty");
        }
        var match = Loose().Match(text);
        if (!match.Success)
        {
            throw new FormatException("invalid semantic version");
        }
        var prerelease = match.Groups[5].Value;
        if (prerelease.Split('.').Any(p => p.Length > 1 && p[0] == '0' && p.All(char.IsAsciiDigit)))
        {
            throw new FormatException("version segment starts with 0");
        }
        return new SemanticVersion(
            Number(match.Groups[1].Value),
            Number(match.Groups[2].Value.TrimStart('.')),
            Number(match.Groups[3].Value.TrimStart('.')),
            prerelease,
            match.Groups[8].Value,
            text
        );
    }

    private static ulong Number(string digits) =>
        digits.Length == 0 ? 0
        : ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
        : throw new FormatException("invalid semantic version");

    /// <summary>-1, 0 or 1, by major, minor, patch, then pre-release (a release ranks above its pre-releases); metadata is ignored.</summary>
    public int Compare(SemanticVersion other)
    {
        var core = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (core != 0)
        {
            return Math.Sign(core);
        }
        if (Prerelease == other.Prerelease)
        {
            return 0;
        }
        if (Prerelease.Length == 0)
        {
            return 1;
        }
        if (other.Prerelease.Length == 0)
        {
            return -1;
        }
        var (mine, theirs) = (Prerelease.Split('.'), other.Prerelease.Split('.'));
        for (var i = 0; i < Math.Max(mine.Length, theirs.Length); i++)
        {
            var part = ComparePart(
                i < mine.Length ? mine[i] : "",
                i < theirs.Length ? theirs[i] : ""
            );
            if (part != 0)
            {
                return part;
            }
        }
        return 0;
    }

    /// <summary>Numeric identifiers compare as numbers and rank below alphanumeric ones; a missing identifier ranks lowest.</summary>
    private static int ComparePart(string mine, string theirs)
    {
        if (mine == theirs)
        {
            return 0;
        }
        if (mine.Length == 0 || theirs.Length == 0)
        {
            return mine.Length == 0 ? -1 : 1;
        }
        var mineNumeric = ulong.TryParse(
            mine,
            NumberStyles.None,
            CultureInfo.InvariantCulture,
            out var m
        );
        var theirsNumeric = ulong.TryParse(
            theirs,
            NumberStyles.None,
            CultureInfo.InvariantCulture,
            out var t
        );
        return (mineNumeric, theirsNumeric) switch
        {
            (false, false) => string.CompareOrdinal(mine, theirs) > 0 ? 1 : -1,
            (true, false) => -1,
            (false, true) => 1,
            _ => m > t ? 1 : -1,
        };
    }

    public string TypeName => "*semver.Version";

    public IReadOnlyList<string> Methods { get; } =
    [
        "Compare",
        "Equal",
        "GreaterThan",
        "IncMajor",
        "IncMinor",
        "IncPatch",
        "LessThan",
        "Major",
        "Metadata",
        "Minor",
        "Original",
        "Patch",
        "Prerelease",
        "String",
    ];

    public string GoString() =>
        $"{Major}.{Minor}.{Patch}"
        + (Prerelease.Length > 0 ? "-" + Prerelease : "")
        + (Metadata.Length > 0 ? "+" + Metadata : "");

    public string JsonText() => "\"" + GoString() + "\"";

    public override string ToString() => GoString();

    public bool TryCall(string method, IReadOnlyList<object?> arguments, out object? result)
    {
        var expected = method is "Compare" or "Equal" or "GreaterThan" or "LessThan" ? 1 : 0;
        if (!Methods.Contains(method))
        {
            result = null;
            return false;
        }
        if (arguments.Count != expected)
        {
            throw new TemplateFunctionException(
                $"wrong number of args for {method}: want {expected} got {arguments.Count}"
            );
        }
        SemanticVersion Other() =>
            arguments[0] as SemanticVersion
            ?? throw new TemplateFunctionException(
                $"wrong type for value; expected *semver.Version; got {Formatting.GoFormat.TypeName(arguments[0])}"
            );
        result = method switch
        {
            "Major" => (long)Major,
            "Minor" => (long)Minor,
            "Patch" => (long)Patch,
            "Prerelease" => Prerelease,
            "Metadata" => Metadata,
            "Original" => Original,
            "String" => GoString(),
            "Compare" => (long)Compare(Other()),
            "Equal" => Compare(Other()) == 0,
            "GreaterThan" => Compare(Other()) > 0,
            "LessThan" => Compare(Other()) < 0,
            "IncMajor" => Increment(Major + 1, 0, 0),
            "IncMinor" => Increment(Major, Minor + 1, 0),
            _ => Increment(
                Major,
                Minor,
                Prerelease.Length > 0 || Metadata.Length > 0 ? Patch : Patch + 1
            ),
        };
        return true;
    }

    /// <summary>Masterminds' Inc*: pre-release and metadata dropped, Original rewritten to the new version.</summary>
    private SemanticVersion Increment(ulong major, ulong minor, ulong patch)
    {
        var text = $"{major}.{minor}.{patch}";
        return new SemanticVersion(
            major,
            minor,
            patch,
            "",
            "",
            Original.StartsWith('v') ? "v" + text : text
        );
    }
}
