using System.Reflection;
using Pipelines.Failures;

namespace Pipelines.Engine;

/// <summary>
/// Gives every parameter its value. Highest first: the command line, <c>PIPELINES_*</c> environment variables,
/// each <c>--profile</c>'s <c>.nuke/parameters.&lt;profile&gt;.json</c> (the last named wins), <c>.nuke/parameters.json</c>,
/// then the default in code.
/// </summary>
internal static class ParameterBinder
{
    public static ParameterStore Bind(
        object build,
        IReadOnlyList<BuildParameter> parameters,
        CommandLine commandLine,
        AbsolutePath root,
        Func<string, string?> environment
    )
    {
        var workingDirectory = Directory.GetCurrentDirectory();
        var fromCommandLine = commandLine.Options.ToDictionary(
            o => o.Key,
            o => new RawValue(o.Value, " (from the command line)", workingDirectory)
        );
        var fromEnvironment = new Dictionary<BuildParameter, RawValue>();
        foreach (var parameter in parameters)
        {
            // Empty counts as unset: on GitHub Actions an optional input that was not given expands to "".
            if (environment(parameter.EnvironmentName) is { Length: > 0 } text)
            {
                var values = parameter.ValueType.IsArray
                    ? text.Split(
                        ',',
                        StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
                    )
                    : [text];
                fromEnvironment[parameter] = new RawValue(
                    values,
                    $" (from {parameter.EnvironmentName})",
                    workingDirectory
                );
            }
        }

        var layers = new List<Dictionary<BuildParameter, RawValue>>
        {
            fromCommandLine,
            fromEnvironment,
        };
        foreach (
            var profile in Profiles(parameters, fromCommandLine, fromEnvironment, root).Reverse()
        )
        {
            layers.Add(ParameterFiles.Read(RequireProfile(root, profile), root, parameters));
        }
        var defaults = ParameterFiles.PathFor(root, null);
        if (File.Exists(defaults))
        {
            layers.Add(ParameterFiles.Read(defaults, root, parameters));
        }

        var store = new ParameterStore();
        if (build is PipelineBuild pipeline)
        {
            // A value provider reads the parameters bound before it (RenderHelmfile's --env, the environments of
            // the --helmfile-file given), so the build sees the store while it fills.
            pipeline.Parameters = store;
        }
        // Parameters with a value provider go last: a provider may read other parameters (a file path, say).
        foreach (
            var parameter in parameters.OrderBy(p => p.Attribute.ValueProvider is null ? 0 : 1)
        )
        {
            var raw = layers
                .Select(l => l.GetValueOrDefault(parameter))
                .FirstOrDefault(r => r is not null);
            if (raw is null)
            {
                continue;
            }
            var value = ValueConverter.Convert(
                parameter,
                raw.Values,
                raw.Source,
                raw.BaseDirectory
            );
            store.Set(parameter, value, raw.Source.Trim(' ', '(', ')'));
            Assign(build, parameter.Member, value);
        }
        return store;
    }

    private static IReadOnlyList<string> Profiles(
        IReadOnlyList<BuildParameter> parameters,
        Dictionary<BuildParameter, RawValue> fromCommandLine,
        Dictionary<BuildParameter, RawValue> fromEnvironment,
        AbsolutePath root
    )
    {
        var profile = parameters.FirstOrDefault(p => p.Name == nameof(PipelineBuild.Profile));
        if (profile is null)
        {
            return [];
        }
        var raw =
            fromCommandLine.GetValueOrDefault(profile)
            ?? fromEnvironment.GetValueOrDefault(profile);
        return raw?.Values ?? [];
    }

    private static string RequireProfile(AbsolutePath root, string profile)
    {
        var path = ParameterFiles.PathFor(root, profile);
        if (File.Exists(path))
        {
            return path;
        }
        var available = ParameterFiles.AvailableProfiles(root).ToList();
        throw new UsageException(
            $"Profile '{profile}' has no file .nuke/parameters.{profile}.json. "
                + (
                    available.Count == 0
                        ? "No profiles exist yet."
                        : $"Available profiles: {string.Join(", ", available)}."
                )
        );
    }

    private static void Assign(object build, MemberInfo member, object? value)
    {
        switch (member)
        {
            case FieldInfo field:
                field.SetValue(build, value);
                break;
            case PropertyInfo { DeclaringType.IsInterface: true }:
                break; // a component parameter reads its value from the store through TryGetValue
            case PropertyInfo property when property.SetMethod is not null:
                property.SetValue(build, value);
                break;
            case PropertyInfo property:
                var backing = property.DeclaringType!.GetField(
                    $"<{property.Name}>k__BackingField",
                    BindingFlags.Instance | BindingFlags.NonPublic
                );
                if (backing is null)
                {
                    throw new BuildDefinitionException(
                        $"Parameter {property.Name} is a computed property; make it a field or an auto-property, "
                            + "or read it with TryGetValue(() => "
                            + property.Name
                            + ")."
                    );
                }
                backing.SetValue(build, value);
                break;
        }
    }
}
