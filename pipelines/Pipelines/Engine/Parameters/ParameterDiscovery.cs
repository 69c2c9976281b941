using System.Reflection;

namespace Pipelines.Engine;

/// <summary>Finds <see cref="ParameterAttribute"/> members of the build class, its bases and its component interfaces.</summary>
internal static class ParameterDiscovery
{
    private const BindingFlags Members =
        BindingFlags.Instance
        | BindingFlags.Public
        | BindingFlags.NonPublic
        | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<BuildParameter> Discover(object build)
    {
        var type = build.GetType();
        var hierarchy = new List<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            hierarchy.Insert(0, t);
        }
        var members = hierarchy
            .SelectMany(t => t.GetMembers(Members).OrderBy(m => m.MetadataToken))
            .Where(m => !m.Name.Contains('.'))
            .Concat(
                type.GetInterfaces()
                    .OrderBy(i => i.FullName, StringComparer.Ordinal)
                    .SelectMany(i => i.GetProperties(Members).OrderBy(m => m.MetadataToken))
            );

        var parameters = new List<BuildParameter>();
        foreach (var member in members)
        {
            if (member.GetCustomAttribute<ParameterAttribute>() is not { } attribute)
            {
                continue;
            }
            if (
                parameters.Any(p =>
                    p.Name.Equals(attribute.Name ?? member.Name, StringComparison.OrdinalIgnoreCase)
                )
            )
            {
                continue; // the class redeclares a component's parameter; the first (the class's) wins
            }
            var valueType = member is FieldInfo field
                ? field.FieldType
                : ((PropertyInfo)member).PropertyType;
            parameters.Add(
                new BuildParameter(member, attribute, valueType, ReadValue(build, member))
                {
                    AllowedValues = AllowedValues(build, member, attribute, valueType),
                }
            );
        }
        return parameters;
    }

    internal static object? ReadValue(object build, MemberInfo member)
    {
        try
        {
            return member switch
            {
                FieldInfo field => field.GetValue(build),
                PropertyInfo property => property.GetValue(build),
                _ => null,
            };
        }
        catch (TargetInvocationException)
        {
            return null; // a component default that needs other values; it has no static default to show
        }
    }

    private static Func<IReadOnlyList<string>>? AllowedValues(
        object build,
        MemberInfo member,
        ParameterAttribute attribute,
        Type valueType
    )
    {
        var scalar = valueType.IsArray
            ? valueType.GetElementType()!
            : Nullable.GetUnderlyingType(valueType) ?? valueType;
        if (attribute.ValueProvider is { } providerName)
        {
            var provider = FindProvider(build.GetType(), providerName);
            if (provider is null)
            {
                throw new BuildDefinitionException(
                    $"Parameter {member.Name} names ValueProvider '{providerName}', but the build has no property "
                        + "or parameterless method of that name returning IEnumerable<string>."
                );
            }
            return () =>
                (
                    (IEnumerable<string>)(
                        provider is PropertyInfo p
                            ? p.GetValue(build)!
                            : ((MethodInfo)provider).Invoke(build, null)!
                    )
                ).ToList();
        }
        return scalar.IsEnum ? () => Enum.GetNames(scalar) : null;
    }

    private static MemberInfo? FindProvider(Type type, string name)
    {
        var flags =
            BindingFlags.Instance
            | BindingFlags.Static
            | BindingFlags.Public
            | BindingFlags.NonPublic;
        var candidates = new List<Type>();
        for (var t = type; t is not null; t = t.BaseType)
        {
            candidates.Add(t);
        }
        candidates.AddRange(type.GetInterfaces());
        return candidates
            .SelectMany(t => t.GetMember(name, flags))
            .FirstOrDefault(m =>
                m is PropertyInfo { PropertyType: var pt }
                    && typeof(IEnumerable<string>).IsAssignableFrom(pt)
                || m is MethodInfo mi
                    && mi.GetParameters().Length == 0
                    && typeof(IEnumerable<string>).IsAssignableFrom(mi.ReturnType)
            );
    }
}
