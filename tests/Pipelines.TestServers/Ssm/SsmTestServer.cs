using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pipelines.TestServers.Ssm;

/// <summary>
/// Parameter Store on 127.0.0.1, speaking SSM's JSON 1.1 protocol (POST /, <c>X-Amz-Target: AmazonSSM.Op</c>)
/// for GetParameter, GetParameters and GetParametersByPath, with AWS's limits: at most 10 names per
/// GetParameters, MaxResults at most 10, paging by NextToken, errors as HTTP 400 with <c>__type</c>.
/// The region of each request is read from its SigV4 credential scope. Records every request.
/// </summary>
internal sealed partial class SsmTestServer : IAsyncDisposable
{
    private const string Account = "123456789012";
    private const string JsonContentType = "application/x-amz-json-1.1";
    private readonly ConcurrentDictionary<string, (string Type, string Value)> _parameters = new(
        StringComparer.Ordinal
    );
    private readonly ConcurrentQueue<SsmRequest> _requests = new();
    private readonly List<string> _denied = [];
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public IReadOnlyList<SsmRequest> Requests => [.. _requests];

    public static async Task<SsmTestServer> StartAsync()
    {
        var server = new SsmTestServer();
        var app = LoopbackWebApp.Build();
        // As a Delegate (not a RequestDelegate), so that the returned IResult is written.
        app.MapPost("/", (Func<HttpContext, Task<IResult>>)server.HandleAsync);
        await app.StartAsync();
        server._app = app;
        server.Url = app.Urls.Single();
        return server;
    }

    public void Put(string name, string value, string type = "SecureString") =>
        _parameters[name] = (type, value);

    /// <summary>Requests touching a parameter under <paramref name="prefix"/> fail with AccessDeniedException.</summary>
    public void Deny(string prefix)
    {
        lock (_denied)
        {
            _denied.Add(prefix);
        }
    }

    /// <summary>The real SDK client, pointed here and signing for <paramref name="region"/>.</summary>
    public AmazonSimpleSystemsManagementClient CreateClient(string region = "us-east-1") =>
        new(
            new BasicAWSCredentials("test", "test"),
            new AmazonSimpleSystemsManagementConfig
            {
                ServiceURL = Url,
                AuthenticationRegion = region,
            }
        );

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var target = request.Headers["X-Amz-Target"].ToString();
        if (request.ContentType?.StartsWith(JsonContentType, StringComparison.Ordinal) != true)
        {
            return Error("UnsupportedMediaTypeException", $"Expected {JsonContentType}.");
        }
        // AWS4-HMAC-SHA256 Credential=AKID/20250101/eu-west-1/ssm/aws4_request, SignedHeaders=..., Signature=...
        var scope = request.Headers.Authorization.ToString().Split("Credential=", 2);
        if (scope.Length < 2)
        {
            return Error("MissingAuthenticationTokenException", "Request is missing a signature.");
        }
        var region = scope[1].Split('/')[2];
        var body = (await JsonNode.ParseAsync(request.Body))?.AsObject() ?? [];
        var operation = target.StartsWith("AmazonSSM.", StringComparison.Ordinal)
            ? target[10..]
            : target;
        _requests.Enqueue(new(operation, region, body));
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        var decrypt = body["WithDecryption"]?.GetValue<bool>() == true;
        return operation switch
        {
            "GetParameter" => GetParameter((string?)body["Name"] ?? "", decrypt, region),
            "GetParameters" => GetParameters(body["Names"]?.AsArray(), decrypt, region),
            "GetParametersByPath" => GetParametersByPath(body, decrypt, region),
            _ => Error("UnknownOperationException", $"Unknown operation {target}."),
        };
    }

    private bool IsDenied(string name)
    {
        lock (_denied)
        {
            return _denied.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));
        }
    }
}

/// <summary>One recorded call: the operation (without <c>AmazonSSM.</c>), the signing region, the JSON body.</summary>
internal sealed record SsmRequest(string Operation, string Region, JsonObject Body)
{
    public IReadOnlyList<string> Names =>
        Body["Names"]?.AsArray().Select(n => (string?)n ?? "").ToList() ?? [];
}
