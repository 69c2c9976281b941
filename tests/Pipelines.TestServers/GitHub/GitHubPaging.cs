using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Pipelines.TestServers.GitHub;

/// <summary>
/// GitHub's list paging: <c>per_page</c> (default 30, at most 100) and <c>page</c> (from 1), and a <c>Link</c>
/// header with absolute <c>next</c>/<c>last</c> (and <c>prev</c>/<c>first</c>) URLs that keep the other query
/// parameters, which is what Octokit follows to read every page.
/// </summary>
internal static class GitHubPaging
{
    public const int DefaultPageSize = 30;
    public const int MaxPageSize = 100;

    public static GitHubReply Page<T>(
        IReadOnlyList<T> items,
        Func<T, JsonNode> shape,
        IQueryCollection query,
        string selfUrl
    )
    {
        var size = Math.Clamp(Number(query, "per_page") ?? DefaultPageSize, 1, MaxPageSize);
        var page = Math.Max(1, Number(query, "page") ?? 1);
        var last = Math.Max(1, (items.Count + size - 1) / size);
        var reply = GitHubReply.Ok(
            new JsonArray([.. items.Skip((page - 1) * size).Take(size).Select(shape)])
        );
        var links = new List<string>();
        if (page < last)
        {
            links.Add(Link(selfUrl, query, page + 1, "next"));
            links.Add(Link(selfUrl, query, last, "last"));
        }
        if (page > 1)
        {
            links.Add(Link(selfUrl, query, Math.Min(page - 1, last), "prev"));
            links.Add(Link(selfUrl, query, 1, "first"));
        }
        return links.Count == 0 ? reply : reply.With("Link", string.Join(", ", links));
    }

    private static string Link(string selfUrl, IQueryCollection query, int page, string rel)
    {
        var parameters = query
            .Where(q => q.Key != "page")
            .Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString()))
            .Append(
                KeyValuePair.Create("page", (string?)page.ToString(CultureInfo.InvariantCulture))
            );
        return $"<{QueryHelpers.AddQueryString(selfUrl, parameters)}>; rel=\"{rel}\"";
    }

    private static int? Number(IQueryCollection query, string name) =>
        int.TryParse(query[name], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
}
