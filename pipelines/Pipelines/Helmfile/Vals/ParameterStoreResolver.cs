using System.Globalization;
using Amazon.SimpleSystemsManagement;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.Vals;

/// <summary>
/// Replaces helmfile/vals <c>ref+awsssm://</c> references in plain data (see <see cref="YamlData"/>) with
/// values from AWS Systems Manager Parameter Store, as vals' awsssm provider reads them:
/// <list type="bullet">
/// <item><c>ref+awsssm://path/to/param</c>: the parameter's value, decrypted.</item>
/// <item><c>ref+awsssm://prefix#/a/b</c>: the parameters under <c>/prefix</c> (GetParametersByPath, one level, or
/// every level with <c>recursive=true</c>) as nested maps, then the value at <c>a/b</c>, a string or a map.</item>
/// <item><c>ref+awsssm://path/to/param?mode=singleparam#/a/b</c>: the key <c>a.b</c> of the parameter's YAML or
/// JSON value.</item>
/// </list>
/// Each may carry <c>?region=</c>. A string that is one ref becomes the value; refs inside longer text
/// (<c>postgres://app:ref+awsssm://db/password+@db:5432</c>, a <c>+</c> ending each) are replaced as text.
/// </summary>
internal sealed class ParameterStoreResolver(IAmazonSimpleSystemsManagement client)
{
    private readonly Func<string, IAmazonSimpleSystemsManagement> _clientForRegion = region =>
        ParameterStoreClients.Create(region, serviceUrl: null);

    /// <param name="client">Serves refs without <c>?region=</c>, and those naming the client's own region.</param>
    /// <param name="clientForRegion">Creates a client for any other region a ref names; disposed after each call.</param>
    public ParameterStoreResolver(
        IAmazonSimpleSystemsManagement client,
        Func<string, IAmazonSimpleSystemsManagement> clientForRegion
    )
        : this(client) => _clientForRegion = clientForRegion;

    /// <summary>Whether any string in <paramref name="data"/> holds a <c>ref+awsssm://</c> reference.</summary>
    public static bool ContainsReferences(object? data) => ReferenceWalker.ContainsReferences(data);

    /// <summary>
    /// A copy of <paramref name="data"/> with every ref replaced; <paramref name="data"/> is not changed. All refs
    /// are fetched first, each parameter and each path once. Every value put into the data is registered with
    /// <see cref="Log.RegisterSecret"/>. Errors (a missing parameter, denied access, a fragment that selects
    /// nothing) are <see cref="SourceLocatedException"/>s on <paramref name="sourceFile"/> naming the ref.
    /// </summary>
    public async Task<ResolvedValues> ResolveAsync(
        object? data,
        string sourceFile,
        CancellationToken ct
    )
    {
        var references = ReferenceWalker.Collect(data, sourceFile);
        if (references.Count == 0)
        {
            return new(ReferenceWalker.DeepCopy(data), []);
        }

        using var clients = new RegionalClients(client, _clientForRegion);
        var fetcher = new ParameterFetcher(clients, sourceFile);
        var parameters = await fetcher.GetParametersAsync(
            references.Where(r => r.Kind != ReferenceKind.Path),
            ct
        );
        var paths = new Dictionary<PathKey, Dictionary<string, object?>>();
        foreach (
            var group in references
                .Where(r => r.Kind == ReferenceKind.Path)
                .GroupBy(r => new PathKey(clients.Normalize(r.Region), r.Name, r.Recursive))
        )
        {
            paths[group.Key] = await fetcher.GetByPathAsync(group.Key, [.. group], ct);
        }

        var documents = new Dictionary<ParameterKey, object?>();
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            var value = reference.Kind switch
            {
                ReferenceKind.Parameter => Raw(reference),
                ReferenceKind.Document => FragmentSelector.Select(
                    Document(reference),
                    reference,
                    sourceFile
                ),
                _ => FragmentSelector.Select(
                    paths[
                        new(
                            clients.Normalize(reference.Region),
                            reference.Name,
                            reference.Recursive
                        )
                    ],
                    reference,
                    sourceFile
                ),
            };
            RegisterSecrets(value);
            values[reference.Text] = value;
        }

        var replacedPaths = new List<string>();
        var resolved = ReferenceWalker.Substitute(data, values, replacedPaths, sourceFile);
        return new(resolved, replacedPaths);

        string Raw(ParameterReference reference)
        {
            var key = new ParameterKey(clients.Normalize(reference.Region), reference.Name);
            return parameters.TryGetValue(key, out var value)
                ? value
                : throw ParameterStoreErrors.Missing(
                    [reference],
                    clients.Describe(key.Region),
                    sourceFile
                );
        }

        object? Document(ParameterReference reference)
        {
            var key = new ParameterKey(clients.Normalize(reference.Region), reference.Name);
            if (!documents.TryGetValue(key, out var document))
            {
                document = ParseDocument(Raw(reference), reference, sourceFile);
                documents[key] = document;
            }
            return document;
        }
    }

    private static object? ParseDocument(
        string value,
        ParameterReference reference,
        string sourceFile
    )
    {
        try
        {
            return YamlData.ParseDocuments(value, sourceFile).FirstOrDefault();
        }
        catch (SourceLocatedException)
        {
            // The parser's message may quote the text it choked on, which is the secret: say only where.
            throw new SourceLocatedException(
                $"{sourceFile}: {reference.Text}: the value of parameter {reference.Name} is not valid YAML or "
                    + "JSON, so mode=singleparam cannot select from it. Drop mode=singleparam and the #/fragment "
                    + "to use the whole value.",
                sourceFile
            );
        }
    }

    /// <summary>Strings and numbers that reach the data; true, false and null would only mask the log's words.</summary>
    private static void RegisterSecrets(object? value)
    {
        switch (value)
        {
            case string text:
                Log.RegisterSecret(text);
                break;
            case long or double:
                Log.RegisterSecret(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case Dictionary<string, object?> map:
                foreach (var item in map.Values)
                {
                    RegisterSecrets(item);
                }
                break;
            case List<object?> list:
                list.ForEach(RegisterSecrets);
                break;
        }
    }
}
