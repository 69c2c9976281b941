using System.Collections;
using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Pipelines.Yaml.Records;

/// <summary>The C# types a record field may have, and how a message names each ("a whole number").</summary>
internal static class FieldTypes
{
    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type.GetCustomAttribute<DescriptionAttribute>() is { } described =>
                described.Description,
            _ when type == typeof(string) => "a string",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(DateOnly) => "a date written YYYY-MM-DD (2026-01-31)",
            { IsEnum: true } =>
                $"one of {string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant()))}",
            _ when ElementOf(type) is { } element => $"a list of {Plural(element)}",
            _ when ValueOf(type) is { } value => $"a mapping of names to {Plural(value)}",
            _ => "a mapping",
        };
    }

    /// <summary>A plain <c>~</c>, <c>null</c> or nothing at all: YAML's null.</summary>
    public static bool IsNull(Scalar scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any
        && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The item type of the list types records use.</summary>
    public static Type? ElementOf(Type type) =>
        type.IsGenericType
        && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(IReadOnlyList<>) || definition == typeof(List<>))
            ? type.GetGenericArguments()[0]
            : null;

    /// <summary>The value type of the mappings records use (keys are always strings).</summary>
    public static Type? ValueOf(Type type) =>
        type.IsGenericType
        && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>))
        && type.GetGenericArguments()[0] == typeof(string)
            ? type.GetGenericArguments()[1]
            : null;

    /// <summary>A record: a class with settable properties and a parameterless constructor.</summary>
    public static bool IsRecord(Type type) =>
        type.IsClass
        && type != typeof(string)
        && !typeof(IEnumerable).IsAssignableFrom(type)
        && type.GetConstructor(Type.EmptyTypes) is not null;

    /// <summary>
    /// A record's fields in declaration order, named as in the file: camelCase, or the
    /// <see cref="YamlMemberAttribute.Alias"/> where the file's spelling is not (<c>withOIDC</c>).
    /// </summary>
    public static IReadOnlyList<Field> FieldsOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<YamlIgnoreAttribute>() is null)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new Field(
                p.GetCustomAttribute<YamlMemberAttribute>()?.Alias
                    ?? CamelCaseNamingConvention.Instance.Apply(p.Name),
                p,
                p.GetCustomAttribute<RequiredMemberAttribute>() is not null
            ))
            .ToList();

    private static string Plural(Type type) =>
        Describe(type) switch
        {
            "a string" => "strings",
            "a whole number" => "whole numbers",
            "true or false" => "true or false",
            "a mapping" => "mappings",
            var other => other,
        };
}

/// <summary>One field of a record: its name in the file, its property, and whether the file must give it.</summary>
internal sealed record Field(string Name, PropertyInfo Property, bool Required);
