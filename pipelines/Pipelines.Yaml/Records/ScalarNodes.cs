using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pipelines.Yaml.Records;

/// <summary>
/// Reads the scalar fields of a record: strings (any scalar, as written), whole numbers and true/false (plain
/// scalars only: a quoted "3" is text), dates as YYYY-MM-DD, enums by name in any case, and types of the
/// project's own that parse themselves (<see cref="IParsable{TSelf}"/>, described by their
/// <see cref="DescriptionAttribute"/>, e.g. an IAM role ARN).
/// </summary>
internal sealed class ScalarNodes(RecordReading reading)
{
    public object Read(IParser reader, Type expectedType)
    {
        var type = Nullable.GetUnderlyingType(expectedType) ?? expectedType;
        if (reader.Current is not Scalar scalar)
        {
            throw reading.WrongType(expectedType, reader.Current!);
        }
        var value = Parse(scalar, type) ?? throw reading.WrongType(expectedType, scalar);
        reader.MoveNext();
        return value;
    }

    public static bool IsScalar(Type type) =>
        type == typeof(string)
        || type == typeof(bool)
        || type == typeof(int)
        || type == typeof(long)
        || type == typeof(DateOnly)
        || type.IsEnum
        || SelfParsing(type) is not null;

    private static object? Parse(Scalar scalar, Type type)
    {
        var text = scalar.Value;
        var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
        return type switch
        {
            _ when type == typeof(string) => text,
            _ when type == typeof(bool) => plain
                ? text switch
                {
                    "true" or "True" or "TRUE" => true,
                    "false" or "False" or "FALSE" => false,
                    _ => null,
                }
                : null,
            _ when type == typeof(int) => plain
            && int.TryParse(
                text,
                NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture,
                out var n
            )
                ? n
                : null,
            _ when type == typeof(long) => plain
            && long.TryParse(
                text,
                NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture,
                out var l
            )
                ? l
                : null,
            _ when type == typeof(DateOnly) => DateOnly.TryParseExact(
                text,
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var date
            )
                ? date
                : null,
            // Enum.TryParse also takes numbers ("1"); only the names are valid in a file.
            { IsEnum: true } => Enum.GetNames(type)
                .FirstOrDefault(name =>
                    string.Equals(name, text, StringComparison.OrdinalIgnoreCase)
                )
                is { } name
                ? Enum.Parse(type, name)
                : null,
            _ => ParseSelf(type, text),
        };
    }

    private static object? ParseSelf(Type type, string text)
    {
        object?[] arguments = [text, CultureInfo.InvariantCulture, null];
        return SelfParsing(type)!.Invoke(null, arguments) is true ? arguments[2] : null;
    }

    /// <summary><c>static bool TryParse(string, IFormatProvider, out T)</c> of a type implementing IParsable.</summary>
    private static MethodInfo? SelfParsing(Type type) =>
        type.GetInterfaces()
            .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>))
        && type.GetCustomAttribute<DescriptionAttribute>() is not null
            ? type.GetMethod(
                "TryParse",
                BindingFlags.Public | BindingFlags.Static,
                [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]
            )
            : null;
}
