using Pipelines.Engine;
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

    public static bool Contains(object? data) => ParameterStoreResolver.ContainsReferences(data);

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
        if (resolver is null)
        {
            throw new SourceLocatedException(
                $"{source}: holds Parameter Store references (ref+awsssm://), but no Parameter Store client is configured.",
                source
            );
        }
        return await resolver._resolve(data, source, cancellationToken);
    }
}
