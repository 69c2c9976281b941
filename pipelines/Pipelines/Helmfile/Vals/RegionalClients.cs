using Amazon.SimpleSystemsManagement;

namespace Pipelines.Helmfile.Vals;

/// <summary>
/// The client for each region refs ask for with <c>?region=</c>: the given client for its own region and for
/// refs without one, a created client for any other. Disposing disposes only the created ones.
/// </summary>
internal sealed class RegionalClients(
    IAmazonSimpleSystemsManagement defaultClient,
    Func<string, IAmazonSimpleSystemsManagement> create
) : IDisposable
{
    private readonly Dictionary<string, IAmazonSimpleSystemsManagement> _created = new(
        StringComparer.Ordinal
    );

    private string? DefaultRegion =>
        defaultClient.Config?.RegionEndpoint?.SystemName
        ?? NullIfEmpty(defaultClient.Config?.AuthenticationRegion);

    /// <summary>The region as a key: null for the default client's, so that both spellings share one fetch.</summary>
    public string? Normalize(string? region) =>
        region is null || region == DefaultRegion ? null : region;

    /// <summary>The region a normalized key stands for, for messages; null when the client's is unknown.</summary>
    public string? Describe(string? region) => region ?? DefaultRegion;

    public IAmazonSimpleSystemsManagement For(string? region)
    {
        if (region is null)
        {
            return defaultClient;
        }
        if (!_created.TryGetValue(region, out var client))
        {
            client = create(region);
            _created[region] = client;
        }
        return client;
    }

    public void Dispose()
    {
        foreach (var client in _created.Values)
        {
            client.Dispose();
        }
        _created.Clear();
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
