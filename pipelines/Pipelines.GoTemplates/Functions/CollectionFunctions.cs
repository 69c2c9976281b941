using Pipelines.GoTemplates.Formatting;

namespace Pipelines.GoTemplates.Functions;

/// <summary>sprig's list, dict, hasKey and join.</summary>
internal static class CollectionFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("list", 0, null, call => call.Arguments.ToList()),
            new("dict", 0, null, Dict),
            new("hasKey", 2, 2, call => call.Map(0).ContainsKey(call.String(1))),
            new("join", 2, 2, call => string.Join(call.String(0), GoCast.Strings(call[1]))),
        ];

    /// <summary>dict k1 v1 k2 v2: keys are stringified; a key without a value maps to "".</summary>
    private static object? Dict(FunctionCall call)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < call.Count; i += 2)
        {
            map[GoFormat.Value(call[i])] = i + 1 < call.Count ? call[i + 1] : "";
        }
        return map;
    }
}
