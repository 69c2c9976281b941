using System.Text.Json.Nodes;

namespace Pipelines.TestServers.GitHub;

/// <summary>What a route answers: a status, a JSON body (or raw text for an HTML error page) and extra headers.</summary>
internal sealed record GitHubReply(int Status, JsonNode? Body)
{
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? RawText { get; init; }

    public string ContentType { get; init; } = "application/json; charset=utf-8";

    public static GitHubReply Ok(JsonNode body) => new(200, body);

    public GitHubReply With(string header, string value)
    {
        Headers[header] = value;
        return this;
    }
}

/// <summary>
/// An error answer in GitHub's shape (<c>{"message", "documentation_url", "status"}</c>, plus <c>errors</c> for
/// 422), thrown by routes and written by the server.
/// </summary>
internal sealed class GitHubError(int status, string message, JsonArray? errors = null)
    : Exception(message)
{
    public const string Docs = "https://docs.github.com/rest";

    public GitHubReply Reply()
    {
        var body = new JsonObject { ["message"] = Message };
        if (errors is not null)
        {
            body["errors"] = errors;
        }
        body["documentation_url"] = Docs;
        body["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new GitHubReply(status, body);
    }

    public static GitHubError NotFound() => new(404, "Not Found");

    public static GitHubError Forbidden() => new(403, "Resource not accessible by integration");

    /// <summary>422 with one error detail, e.g. <c>custom</c> with a message, or <c>missing_field</c>/<c>invalid</c> for a field.</summary>
    public static GitHubError Validation(
        string resource,
        string code,
        string? field = null,
        string? message = null
    )
    {
        var detail = new JsonObject { ["resource"] = resource, ["code"] = code };
        if (field is not null)
        {
            detail["field"] = field;
        }
        if (message is not null)
        {
            detail["message"] = message;
        }
        return new GitHubError(422, "Validation Failed", [detail]);
    }
}
