using Pipelines.GoTemplates.Formatting;

namespace Pipelines.GoTemplates.Functions;

/// <summary>sprig's <c>urlParse</c> (a URL as a map of its parts, with sprig's keys) and <c>urlJoin</c> (the reverse).</summary>
internal static class UrlFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [new("urlParse", 1, 1, Parse), new("urlJoin", 1, 1, Join)];

    private static object? Parse(FunctionCall call)
    {
        GoUrl url;
        try
        {
            url = GoUrl.Parse(call.String(0));
        }
        catch (FormatException exception)
        {
            throw call.Fail($"unable to parse url: {exception.Message}");
        }
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["scheme"] = url.Scheme,
            ["host"] = url.Host,
            ["hostname"] = url.Hostname,
            ["path"] = url.Path,
            ["query"] = url.RawQuery,
            ["opaque"] = url.Opaque,
            ["fragment"] = url.Fragment,
            ["userinfo"] = url.UserInfo ?? "",
        };
    }

    private static object? Join(FunctionCall call)
    {
        var parts = call.Map(0);
        string Part(string key) =>
            parts.GetValueOrDefault(key) switch
            {
                null => "",
                string text => text,
                var other => throw call.Fail(
                    $"unable to parse {key} key, must be of type string, but {TypeFunctions.Kind(other)} found"
                ),
            };
        var userInfo = Part("userinfo");
        var url = new GoUrl(
            Part("scheme"),
            userInfo.Length == 0 ? null : GoUrl.Parse($"proto://{userInfo}@host").UserInfo,
            Part("host"),
            Part("path"),
            Part("query"),
            Part("opaque"),
            Part("fragment")
        );
        return url.ToString();
    }
}
