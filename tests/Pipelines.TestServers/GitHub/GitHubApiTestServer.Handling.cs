using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Pipelines.TestServers.GitHub;

public sealed partial class GitHubApiTestServer
{
    /// <summary>One authenticated API call, with the path below the API root split into segments.</summary>
    internal sealed record ApiCall(
        string Method,
        string[] Segments,
        IQueryCollection Query,
        string Body,
        TokenGrant Caller
    )
    {
        /// <summary>The body as JSON: GitHub reads JSON whatever the Content-Type (Octokit sends form-urlencoded).</summary>
        public JsonNode? Json()
        {
            try
            {
                return Body.Length == 0 ? null : JsonNode.Parse(Body);
            }
            catch (JsonException)
            {
                throw new GitHubError(400, "Problems parsing JSON");
            }
        }
    }

    /// <summary>
    /// Called before each request that is served (not one a fault answers in its place), e.g. to let another
    /// client change the state in between, as a concurrent run would.
    /// </summary>
    public Action<GitHubRequest>? BeforeServing { get; set; }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var body = await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted);
        var authorization = request.Headers.Authorization.ToString();
        var scheme = authorization.Length == 0 ? null : authorization.Split(' ', 2)[0];
        var logged = new GitHubRequest(
            request.Method,
            path,
            request.QueryString.Value ?? "",
            scheme,
            request.ContentType,
            request.Headers.UserAgent.ToString(),
            body
        );
        _requests.Enqueue(logged);
        var fault = _faults.Take(request.Method, path);
        if (fault is not null && fault.Delay > TimeSpan.Zero)
        {
            await Task.Delay(fault.Delay, context.RequestAborted);
        }
        GitHubReply reply;
        if (fault is { AfterServing: false })
        {
            reply = FaultReply(fault);
        }
        else
        {
            BeforeServing?.Invoke(logged);
            try
            {
                reply = Serve(request.Method, path, request.Query, authorization, body);
            }
            catch (GitHubError error)
            {
                reply = error.Reply();
            }
            // The request took effect, but the client only sees the fault (an answer lost on the way back).
            reply = fault is null ? reply : FaultReply(fault);
        }
        await WriteAsync(context, reply);
    }

    private GitHubReply Serve(
        string method,
        string path,
        IQueryCollection query,
        string authorization,
        string body
    )
    {
        if (!path.StartsWith(_apiPath, StringComparison.Ordinal))
        {
            throw GitHubError.NotFound();
        }
        var caller = Authenticate(authorization);
        var segments = path[_apiPath.Length..]
            .Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(Uri.UnescapeDataString)
            .ToArray();
        var call = new ApiCall(method.ToUpperInvariant(), segments, query, body, caller);
        lock (_gate)
        {
            return Route(call);
        }
    }

    private TokenGrant Authenticate(string authorization)
    {
        if (authorization.Length == 0)
        {
            throw new GitHubError(401, "Requires authentication");
        }
        var parts = authorization.Split(' ', 2, StringSplitOptions.TrimEntries);
        var schemeOk =
            parts[0].Equals("token", StringComparison.OrdinalIgnoreCase)
            || parts[0].Equals("bearer", StringComparison.OrdinalIgnoreCase);
        lock (_gate)
        {
            return schemeOk && parts.Length == 2 && _tokens.TryGetValue(parts[1], out var grant)
                ? grant
                : throw new GitHubError(401, "Bad credentials");
        }
    }

    private static GitHubReply FaultReply(GitHubFault fault)
    {
        var seconds = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return fault.Status switch
        {
            502 => new GitHubReply(502, null)
            {
                RawText =
                    "<!DOCTYPE html>\n<html><head><title>Unicorn! &middot; GitHub</title></head>"
                    + "<body><p>No server is currently available to service your request.</p></body></html>",
                ContentType = "text/html; charset=utf-8",
            },
            429 => new GitHubError(
                429,
                fault.Message
                    ?? "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."
            )
                .Reply()
                .With("Retry-After", seconds),
            403 => new GitHubError(403, fault.Message ?? "API rate limit exceeded for user ID 1.")
                .Reply()
                .With("X-RateLimit-Remaining", "0")
                .With("X-RateLimit-Used", "5000"),
            422 => GitHubError
                .Validation("PullRequest", "custom", message: fault.Message ?? "Validation failed")
                .Reply(),
            500 => new GitHubError(500, fault.Message ?? "Server Error").Reply(),
            503 => new GitHubError(503, fault.Message ?? "Service Unavailable")
                .Reply()
                .With("Retry-After", seconds),
            _ => new GitHubError(fault.Status, fault.Message ?? "Fault injected").Reply(),
        };
    }
}
