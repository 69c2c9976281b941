using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Vals;

namespace Pipelines.Helmfile.Rendering;

/// <summary>Resolves <c>ref+awsssm://</c> references in values (Parameter Store), marking what it resolves as secret.</summary>
public sealed class ReferenceResolver(
    Func<object?, string, CancellationToken, Task<object?>> resolve
)
{
    private readonly Func<object?, string, CancellationToken, Task<object?>> _resolve = resolve;

    /// <summary>Cheap text pre-check before values are parsed to look for references.</summary>
    public const string Marker = "ref+";

    public static bool Contains(object? data) =>
        ParameterStoreResolver.ContainsReferences(data) || OtherBackends.First(data) is not null;

    /// <summary>
    /// The data with its references resolved; the data itself when it has none. References with no resolver
    /// configured are an error: passing <c>ref+awsssm://...</c> on to helm would render a wrong manifest.
    /// </summary>
    public static async Task<object?> ResolveIfAnyAsync(
        ReferenceResolver? resolver,
        object? data,
        string source,
        CancellationToken cancellationToken
    )
    {
        if (!Contains(data))
        {
            return data;
        }
        if (OtherBackends.First(data) is { } other)
        {
            throw new SourceLocatedException($"{source}: {OtherBackends.Refusal(other)}", source);
        }
        if (resolver is null)
        {
            throw new SourceLocatedException(
                $"{source}: holds Parameter Store references (ref+awsssm://), but no Parameter Store client is configured.",
                source
            );
        }
        return await resolver._resolve(data, source, cancellationToken);
    }

    /// <summary>The values that references were resolved to: the leaves of <paramref name="after"/> where <paramref name="before"/> held a reference.</summary>
    public static IEnumerable<string> ResolvedLeaves(object? before, object? after)
    {
        switch (before)
        {
            case Dictionary<string, object?> map when after is Dictionary<string, object?> resolved:
                return map.Keys.SelectMany(k =>
                    ResolvedLeaves(map[k], resolved.GetValueOrDefault(k))
                );
            case List<object?> list when after is List<object?> resolved:
                return list.Zip(resolved).SelectMany(p => ResolvedLeaves(p.First, p.Second));
            case string text when text.Contains(Marker, StringComparison.Ordinal):
                return Leaves(after);
            default:
                return [];
        }
    }

    private static IEnumerable<string> Leaves(object? value) =>
        value switch
        {
            null or bool => [],
            Dictionary<string, object?> map => map.Values.SelectMany(Leaves),
            List<object?> list => list.SelectMany(Leaves),
            _ => [Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!],
        };
}
