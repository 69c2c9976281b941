namespace Pipelines.Helmfile.Rendering;

/// <summary>Resolves <c>ref+awsssm://</c> references in values (Parameter Store), marking what it resolves as secret.</summary>
public sealed class ReferenceResolver(
    Func<object?, string, CancellationToken, Task<object?>> resolve
)
{
    public const string Scheme = "ref+awsssm://";

    public Task<object?> ResolveAsync(
        object? data,
        string sourceFile,
        CancellationToken cancellationToken
    ) => resolve(data, sourceFile, cancellationToken);
}
