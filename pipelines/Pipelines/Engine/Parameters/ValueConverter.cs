using System.Globalization;
using Pipelines.Failures;

namespace Pipelines.Engine;

/// <summary>Turns raw text from any source into the parameter's type, or a usage error naming the fix.</summary>
internal static class ValueConverter
{
    public static object? Convert(
        BuildParameter parameter,
        IReadOnlyList<string> raw,
        string source,
        string baseDirectory
    )
    {
        if (parameter.ValueType.IsArray)
        {
            var array = Array.CreateInstance(parameter.ScalarType, raw.Count);
            for (var i = 0; i < raw.Count; i++)
            {
                array.SetValue(ConvertScalar(parameter, raw[i], source, baseDirectory), i);
            }
            return array;
        }
        if (parameter.IsFlag && raw.Count == 0)
        {
            return true;
        }
        if (raw.Count != 1)
        {
            throw new UsageException(
                $"{parameter.CommandLineName}{source} takes one value, but got {raw.Count}"
                    + (parameter.IsSecret ? "." : $": {string.Join(" ", raw)}.")
            );
        }
        return ConvertScalar(parameter, raw[0], source, baseDirectory);
    }

    public static object ConvertScalar(
        BuildParameter parameter,
        string value,
        string source,
        string baseDirectory
    )
    {
        var type = parameter.ScalarType;
        if (type.IsEnum)
        {
            return Enum.Parse(type, Allowed(parameter, value, source));
        }
        if (type == typeof(string))
        {
            return parameter.AllowedValues is null ? value : Allowed(parameter, value, source);
        }
        if (type == typeof(AbsolutePath))
        {
            return AbsolutePath.Create(value, baseDirectory);
        }
        if (type == typeof(bool))
        {
            return value.ToLowerInvariant() switch
            {
                "true" or "1" => true,
                "false" or "0" => false,
                _ => throw Invalid(parameter, value, source, "expected true or false"),
            };
        }
        if (type == typeof(int))
        {
            return int.TryParse(
                value,
                NumberStyles.Integer,
                CultureInfo.InvariantCulture,
                out var number
            )
                ? number
                : throw Invalid(parameter, value, source, "expected a whole number");
        }
        throw new BuildDefinitionException(
            $"Parameter {parameter.Name} has type {parameter.ValueType.Name}; supported are string, bool, int, "
                + "enums, AbsolutePath and arrays of them."
        );
    }

    /// <summary>Matches the value against the allowed list ignoring case and dashes; returns the canonical spelling.</summary>
    private static string Allowed(BuildParameter parameter, string value, string source)
    {
        var allowed = CommandLine.SafeList(parameter.AllowedValues!);
        if (allowed.Count == 0)
        {
            return value; // nothing here to check against (no helmfile.yaml in an app repository): the target checks
        }
        var match = allowed.FirstOrDefault(a =>
            TargetNames.Normalize(a) == TargetNames.Normalize(value)
        );
        if (match is not null)
        {
            return match;
        }
        var suggestion = Suggestions.Closest(value, allowed, TargetNames.Normalize);
        throw Invalid(
            parameter,
            value,
            source,
            $"expected one of {string.Join(", ", allowed)}"
                + (suggestion is null ? "" : $". Did you mean '{suggestion}'?")
        );
    }

    private static UsageException Invalid(
        BuildParameter parameter,
        string value,
        string source,
        string expected
    ) =>
        new(
            $"Invalid value {(parameter.IsSecret ? "" : $"'{value}' ")}for {parameter.CommandLineName}{source}: {expected}"
                + (expected.EndsWith('?') ? "" : ".")
        );
}
