using System.Reflection;
using Pipelines.Failures;

namespace Pipelines.Engine;

/// <summary>
/// Finds the targets of a build: <see cref="Target"/> properties of the class and its base classes, and
/// default-implemented ones of the component interfaces it implements (the role of Nuke.Components).
/// </summary>
internal static class TargetDiscovery
{
    private const BindingFlags Members =
        BindingFlags.Instance
        | BindingFlags.Public
        | BindingFlags.NonPublic
        | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<ExecutableTarget> Discover(
        object build,
        Target? defaultTarget = null
    )
    {
        var targets = new List<ExecutableTarget>();
        var byMethod = new Dictionary<MethodInfo, ExecutableTarget>();
        foreach (var property in TargetProperties(build.GetType()))
        {
            if (targets.Any(t => t.Name.Equals(property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                continue; // the class's own property shadows a component's of the same name
            }
            var declared = (Target?)property.GetValue(build);
            if (declared is null || byMethod.ContainsKey(declared.Method))
            {
                continue; // an alias property returning another target's delegate
            }
            var definition = new TargetDefinition(build);
            try
            {
                declared(definition);
            }
            catch (Exception exception) when (exception is not UsageException)
            {
                throw new BuildDefinitionException(
                    $"Target {property.Name} could not be defined: {exception.Message}"
                );
            }
            var target = new ExecutableTarget(property.Name, property, definition, targets.Count);
            targets.Add(target);
            byMethod[declared.Method] = target;
        }

        foreach (var target in targets)
        {
            ResolveEdges(target, t => Lookup(byMethod, target, t));
        }
        foreach (var target in targets)
        {
            ResolveHandOffs(target, targets);
        }
        if (defaultTarget is not null)
        {
            Lookup(byMethod, null, defaultTarget).IsDefault = true;
        }
        return targets;
    }

    private static IEnumerable<PropertyInfo> TargetProperties(Type buildType)
    {
        var hierarchy = new List<Type>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            hierarchy.Insert(0, type);
        }
        var classProperties = hierarchy.SelectMany(type =>
            type.GetProperties(Members)
                .OrderBy(p => p.MetadataToken)
                .Where(p => !p.Name.Contains('.'))
        );
        var componentProperties = buildType
            .GetInterfaces()
            .OrderBy(i => i.FullName, StringComparer.Ordinal)
            .SelectMany(i => i.GetProperties(Members).OrderBy(p => p.MetadataToken));
        return classProperties
            .Concat(componentProperties)
            .Where(p => p.PropertyType == typeof(Target));
    }

    private static void ResolveEdges(
        ExecutableTarget target,
        Func<Target, ExecutableTarget> resolve
    )
    {
        var definition = target.Definition;
        AddAll(target.Dependencies, definition.Dependencies.Select(resolve));
        foreach (var dependent in definition.Dependents.Select(resolve))
        {
            AddAll(dependent.Dependencies, [target]);
        }
        AddAll(target.OrderedAfter, definition.RunsAfter.Select(resolve));
        foreach (var later in definition.RunsBefore.Select(resolve))
        {
            AddAll(later.OrderedAfter, [target]);
        }
        foreach (var triggered in definition.TriggersTargets.Select(resolve))
        {
            AddAll(target.Triggers, [triggered]);
            AddAll(triggered.TriggeredBy, [target]);
        }
        foreach (var source in definition.TriggeredByTargets.Select(resolve))
        {
            AddAll(source.Triggers, [target]);
            AddAll(target.TriggeredBy, [source]);
        }
    }

    /// <summary>Each consumed type has exactly one producer, which the consumer follows when both are scheduled.</summary>
    private static void ResolveHandOffs(
        ExecutableTarget consumer,
        IReadOnlyList<ExecutableTarget> targets
    )
    {
        foreach (var consumption in consumer.Definition.Consumed)
        {
            var name = consumption.Type.Name;
            var producers = targets.Where(t => t.Produces.Contains(consumption.Type)).ToList();
            var producer = producers.Count switch
            {
                1 => producers[0],
                0 => throw new BuildDefinitionException(
                    $"Target {consumer.Name} consumes {name}, but no target of the build declares .Produces<{name}>(). "
                        + "Add the component whose target produces it to the build class's base list."
                ),
                _ => throw new BuildDefinitionException(
                    $"Target {consumer.Name} consumes {name}, which several targets produce ("
                        + string.Join(", ", producers)
                        + "); only one target per build may produce a type."
                ),
            };
            consumer.Consumes.Add(
                new HandOff(producer, consumer, consumption.Type, consumption.WithoutIt)
            );
            if (!consumer.Dependencies.Contains(producer))
            {
                AddAll(consumer.OrderedAfter, [producer]);
            }
        }
    }

    private static void AddAll(List<ExecutableTarget> list, IEnumerable<ExecutableTarget> items)
    {
        foreach (var item in items.Where(item => !list.Contains(item)))
        {
            list.Add(item);
        }
    }

    private static ExecutableTarget Lookup(
        Dictionary<MethodInfo, ExecutableTarget> byMethod,
        ExecutableTarget? referrer,
        Target target
    ) =>
        byMethod.TryGetValue(target.Method, out var found)
            ? found
            : throw new BuildDefinitionException(
                $"{(referrer is null ? "The default target" : $"Target {referrer.Name}")} refers to a target that "
                    + "is not a Target property of the build or of a component it implements."
            );
}
