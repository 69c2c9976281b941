using Amazon.Runtime;
using Amazon.SimpleSystemsManagement.Model;

namespace Pipelines.Helmfile.Vals;

/// <summary>A parameter as fetched: the region key (null for the default client's) and the name.</summary>
internal readonly record struct ParameterKey(string? Region, string Name);

/// <summary>A by-path fetch: the region key, the path and whether deeper levels were read.</summary>
internal readonly record struct PathKey(string? Region, string Path, bool Recursive);

/// <summary>
/// Fetches what a document's refs need in as few calls as the API allows: names deduplicated and sent to
/// GetParameters ten at a time, each path read once with GetParametersByPath page by page. Always decrypted.
/// </summary>
internal sealed class ParameterFetcher(RegionalClients clients, string sourceFile)
{
    // GetParameters takes at most 10 names; GetParametersByPath returns at most 10 per page.
    private const int NamesPerCall = 10;
    private const int ResultsPerPage = 10;

    public async Task<Dictionary<ParameterKey, string>> GetParametersAsync(
        IEnumerable<ParameterReference> references,
        CancellationToken cancellationToken
    )
    {
        var values = new Dictionary<ParameterKey, string>();
        foreach (var inRegion in references.GroupBy(r => clients.Normalize(r.Region)))
        {
            var names = inRegion.Select(r => r.Name).Distinct(StringComparer.Ordinal).ToList();
            foreach (var batch in names.Chunk(NamesPerCall))
            {
                var asked = inRegion.Where(r => batch.Contains(r.Name)).ToList();
                var request = new GetParametersRequest
                {
                    Names = [.. batch],
                    WithDecryption = true,
                };
                var response = await CallAsync(
                    () => clients.For(inRegion.Key).GetParametersAsync(request, cancellationToken),
                    asked,
                    inRegion.Key
                );
                // SDK v4 leaves absent lists null rather than empty.
                var invalid = response.InvalidParameters ?? [];
                if (invalid.Count > 0)
                {
                    var missing = asked.Where(r => invalid.Contains(r.Name)).ToList();
                    throw ParameterStoreErrors.Missing(
                        missing,
                        clients.Describe(inRegion.Key),
                        sourceFile
                    );
                }
                foreach (var parameter in response.Parameters ?? [])
                {
                    var name = parameter.Name ?? "";
                    // AWS treats '/x' and 'x' as one top-level parameter and may answer with either spelling.
                    var asAsked = batch.Contains(name) ? name : "/" + name.TrimStart('/');
                    values[new(inRegion.Key, asAsked)] = parameter.Value ?? "";
                }
            }
        }
        return values;
    }

    public async Task<Dictionary<string, object?>> GetByPathAsync(
        PathKey key,
        IReadOnlyCollection<ParameterReference> references,
        CancellationToken cancellationToken
    )
    {
        var parameters = new List<Parameter>();
        string? nextToken = null;
        do
        {
            var request = new GetParametersByPathRequest
            {
                Path = key.Path,
                Recursive = key.Recursive,
                WithDecryption = true,
                MaxResults = ResultsPerPage,
                NextToken = nextToken,
            };
            var response = await CallAsync(
                () => clients.For(key.Region).GetParametersByPathAsync(request, cancellationToken),
                references,
                key.Region
            );
            parameters.AddRange(response.Parameters ?? []);
            nextToken = response.NextToken;
        } while (!string.IsNullOrEmpty(nextToken));

        if (parameters.Count == 0)
        {
            throw ParameterStoreErrors.EmptyPath(
                references.First(),
                clients.Describe(key.Region),
                sourceFile
            );
        }
        return ParameterTree.Build(key.Path, parameters);
    }

    private async Task<T> CallAsync<T>(
        Func<Task<T>> call,
        IReadOnlyCollection<ParameterReference> references,
        string? region
    )
    {
        try
        {
            return await call();
        }
        catch (AmazonServiceException exception)
        {
            throw ParameterStoreErrors.FromService(
                exception,
                references,
                clients.Describe(region),
                sourceFile
            );
        }
        catch (Exception exception)
            when (exception is AmazonClientException or HttpRequestException)
        {
            throw ParameterStoreErrors.Unreachable(
                exception,
                references,
                clients.Describe(region),
                sourceFile
            );
        }
    }
}
