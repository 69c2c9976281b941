using Amazon.SimpleSystemsManagement;
using Pipelines.Helmfile.Vals;
using Pipelines.TestServers.Ssm;
using Pipelines.Yaml.Data;

namespace Pipelines.Tests.Helmfile.Vals;

/// <summary>A fresh <see cref="SsmTestServer"/> per test, the real SDK client on it, and the resolver.</summary>
public abstract class ParameterStoreFixture : IAsyncLifetime
{
    protected const string SourceFile = "helmfile/values/prod.yaml";

    private readonly List<IAmazonSimpleSystemsManagement> _clients = [];

    internal SsmTestServer Server { get; private set; } = null!;

    internal ParameterStoreResolver Resolver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SsmTestServer.StartAsync();
        var client = Server.CreateClient("eu-west-1");
        _clients.Add(client);
        Resolver = new ParameterStoreResolver(client, region => Server.CreateClient(region));
    }

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await Server.DisposeAsync();
    }

    protected static Dictionary<string, object?> Yaml(string text) =>
        YamlData.ParseMapping(text, SourceFile);

    private protected Task<ResolvedValues> ResolveAsync(object? data) =>
        Resolver.ResolveAsync(data, SourceFile, CancellationToken.None);

    protected async Task<object?> ResolveOneAsync(string reference)
    {
        var resolved = await ResolveAsync(
            new Dictionary<string, object?> { ["value"] = reference }
        );
        return ((Dictionary<string, object?>)resolved.Data!)["value"];
    }
}
