using System.Reflection;

namespace Pipelines.Engine;

/// <summary>A discovered parameter: its names on every source, its type, default and allowed values.</summary>
internal sealed class BuildParameter(
    MemberInfo member,
    ParameterAttribute attribute,
    Type valueType,
    object? defaultValue
)
{
    public MemberInfo Member { get; } = member;
    internal ParameterAttribute Attribute { get; } = attribute;
    public string Name => Attribute.Name ?? Member.Name;
    public string CommandLineName => "--" + ParameterNames.Kebab(Name);
    public string EnvironmentName => ParameterNames.Environment(Name);
    public string? Description => Attribute.Description;
    public Type ValueType { get; } = valueType;
    public object? DefaultValue { get; } = defaultValue;
    public bool IsSecret => Member.IsDefined(typeof(SecretAttribute), inherit: true);

    /// <summary>Declared on a component interface: the value lives in the build's parameter store.</summary>
    public bool IsComponentMember => Member.DeclaringType?.IsInterface == true;

    /// <summary>The element type for arrays, the underlying type for nullables, else the type itself.</summary>
    public Type ScalarType =>
        ValueType.IsArray
            ? ValueType.GetElementType()!
            : Nullable.GetUnderlyingType(ValueType) ?? ValueType;

    public bool IsFlag => ScalarType == typeof(bool) && !ValueType.IsArray;

    /// <summary>Enum names, or the value provider's list; null when any value of the type goes.</summary>
    internal Func<IReadOnlyList<string>>? AllowedValues { get; init; }

    public string TypeName =>
        (
            ScalarType.IsEnum ? "enum"
            : ScalarType == typeof(AbsolutePath) ? "path"
            : ScalarType.Name.ToLowerInvariant() switch
            {
                "int32" => "int",
                "boolean" => "bool",
                var other => other,
            }
        ) + (ValueType.IsArray ? "[]" : "");

    public override string ToString() => CommandLineName;
}
