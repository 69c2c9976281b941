using System.Text.RegularExpressions;

namespace Pipelines.GoTemplates.Values;

/// <summary>
/// Masterminds/semver v3 constraints, as sprig's <c>semverCompare</c> checks them: <c>||</c> between alternatives,
/// commas or spaces between conditions that must all hold, operators <c>= != &gt; &lt; &gt;= &lt;= ~ ~&gt; ^</c>,
/// wildcards <c>1.2.x</c> / <c>*</c>, ranges <c>1.2 - 1.4.5</c>, and a pre-release version matching only a
/// constraint that names a pre-release.
/// </summary>
internal sealed partial class SemverConstraint
{
    private const string Version =
        @"v?([0-9xX*]+)(\.[0-9xX*]+)?(\.[0-9xX*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?";
    private const string Operators = @"!=|>=|=>|<=|=<|~>|>|<|=|~|\^|";

    [GeneratedRegex(@"^\s*(" + Operators + @")\s*(" + Version + @")\s*$")]
    private static partial Regex Single();

    [GeneratedRegex(@"(" + Operators + @")\s*(" + Version + ")")]
    private static partial Regex Find();

    [GeneratedRegex(@"^(\s*(" + Operators + @")\s*(" + Version + @")\s*,?)+$")]
    private static partial Regex Valid();

    [GeneratedRegex(@"\s*(" + Version + @")\s+-\s+(" + Version + @")\s*")]
    private static partial Regex Range();

    private sealed record Condition(
        string Operator,
        SemanticVersion Version,
        bool Dirty,
        bool MinorDirty,
        bool PatchDirty
    );

    private readonly List<List<Condition>> _alternatives;

    private SemverConstraint(List<List<Condition>> alternatives) => _alternatives = alternatives;

    /// <summary>semver.NewConstraint; a malformed one fails with Masterminds' "improper constraint: ..." message.</summary>
    public static SemverConstraint Parse(string text)
    {
        var rewritten = Range()
            .Replace(text, match => $">= {match.Groups[1].Value}, <= {match.Groups[11].Value}");
        var alternatives = new List<List<Condition>>();
        foreach (var alternative in rewritten.Split("||"))
        {
            if (!Valid().IsMatch(alternative))
            {
                throw new FormatException($"improper constraint: {alternative}");
            }
            alternatives.Add([.. Find().Matches(alternative).Select(m => ParseCondition(m.Value))]);
        }
        return new SemverConstraint(alternatives);
    }

    private static Condition ParseCondition(string text)
    {
        var match = Single().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"improper constraint: {text}");
        }
        var (major, minor, patch) = (
            match.Groups[3].Value,
            match.Groups[4].Value,
            match.Groups[5].Value
        );
        var tail = match.Groups[6].Value;
        var (version, dirty, minorDirty, patchDirty) = (match.Groups[2].Value, false, false, false);
        if (IsWildcard(major) || major.Length == 0)
        {
            (version, dirty) = ("0.0.0" + tail, true);
        }
        else if (IsWildcard(minor.TrimStart('.')) || minor.Length == 0)
        {
            (version, dirty, minorDirty) = ($"{major}.0.0{tail}", true, true);
        }
        else if (IsWildcard(patch.TrimStart('.')) || patch.Length == 0)
        {
            (version, dirty, patchDirty) = ($"{major}{minor}.0{tail}", true, true);
        }
        try
        {
            return new Condition(
                match.Groups[1].Value,
                SemanticVersion.Parse(version),
                dirty,
                minorDirty,
                patchDirty
            );
        }
        catch (FormatException)
        {
            throw new FormatException($"improper constraint: {text}");
        }
    }

    private static bool IsWildcard(string part) => part is "x" or "X" or "*";

    /// <summary>True when every condition of at least one alternative holds.</summary>
    public bool Check(SemanticVersion version) =>
        _alternatives.Any(conditions => conditions.All(c => Holds(version, c)));

    private static bool Holds(SemanticVersion v, Condition c)
    {
        // A pre-release only satisfies a constraint that itself names a pre-release (Masterminds' issue 21).
        if (v.Prerelease.Length > 0 && c.Version.Prerelease.Length == 0)
        {
            return false;
        }
        var con = c.Version;
        return c.Operator switch
        {
            "" or "=" => c.Dirty ? Tilde(v, c) : v.Compare(con) == 0,
            "!=" => NotEqual(v, c),
            ">" => GreaterThan(v, c),
            "<" => v.Compare(con) < 0,
            ">=" or "=>" => v.Compare(con) >= 0,
            "<=" or "=<" => LessOrEqual(v, c),
            "~" or "~>" => Tilde(v, c),
            _ => Caret(v, c),
        };
    }

    private static bool NotEqual(SemanticVersion v, Condition c)
    {
        var con = c.Version;
        if (!c.Dirty)
        {
            return v.Compare(con) != 0;
        }
        if (con.Major != v.Major)
        {
            return true;
        }
        if (c.MinorDirty)
        {
            return false;
        }
        if (con.Minor != v.Minor)
        {
            return true;
        }
        return !c.PatchDirty && con.Patch != v.Patch;
    }

    /// <summary>&gt;1 means 2.0.0 or above, &gt;1.1 means 1.2.0 or above.</summary>
    private static bool GreaterThan(SemanticVersion v, Condition c)
    {
        var con = c.Version;
        if (!c.Dirty)
        {
            return v.Compare(con) > 0;
        }
        if (v.Major != con.Major)
        {
            return v.Major > con.Major;
        }
        if (c.MinorDirty)
        {
            return false;
        }
        return c.PatchDirty ? v.Minor > con.Minor : v.Compare(con) > 0;
    }

    private static bool LessOrEqual(SemanticVersion v, Condition c)
    {
        var con = c.Version;
        if (!c.Dirty)
        {
            return v.Compare(con) <= 0;
        }
        if (v.Major > con.Major)
        {
            return false;
        }
        return !(v.Major == con.Major && v.Minor > con.Minor && !c.MinorDirty);
    }

    /// <summary>~1.2.3 is &gt;=1.2.3 &lt;1.3.0; ~1 is &gt;=1.0.0 &lt;2.0.0; ~0 and * match everything.</summary>
    private static bool Tilde(SemanticVersion v, Condition c)
    {
        var con = c.Version;
        if (v.Compare(con) < 0)
        {
            return false;
        }
        if (con is { Major: 0, Minor: 0, Patch: 0 } && !c.MinorDirty && !c.PatchDirty)
        {
            return true;
        }
        return v.Major == con.Major && (v.Minor == con.Minor || c.MinorDirty);
    }

    /// <summary>^1.2.3 is &gt;=1.2.3 &lt;2.0.0; ^0.2.3 is &gt;=0.2.3 &lt;0.3.0; ^0.0.3 is exactly 0.0.3.</summary>
    private static bool Caret(SemanticVersion v, Condition c)
    {
        var con = c.Version;
        if (v.Compare(con) < 0)
        {
            return false;
        }
        if (con.Major > 0 || c.MinorDirty)
        {
            return v.Major == con.Major;
        }
        if (v.Major > 0)
        {
            return false;
        }
        if (con.Minor > 0 || c.PatchDirty)
        {
            return v.Minor == con.Minor;
        }
        return v.Minor <= 0 && con.Patch == v.Patch;
    }
}
