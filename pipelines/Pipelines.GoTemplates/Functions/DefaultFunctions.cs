using Pipelines.GoTemplates.Execution;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// Functions about missing or empty values: sprig's default, empty, coalesce and ternary, and helmfile's
/// required. "Empty" is Go's falsiness: nil, "", 0, false, empty list or map.
/// </summary>
internal static class DefaultFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            // default DEFAULT VALUE: the value unless it is empty. Note that with helmfile's missingkey=error a
            // missing map key fails before default runs; `get "key" "default" .Values` is the way around that.
            new(
                "default",
                1,
                null,
                call => call.Count > 1 && GoValues.IsTrue(call[1]) ? call[1] : call[0]
            ),
            new("empty", 1, 1, call => !GoValues.IsTrue(call[0])),
            new("coalesce", 0, null, call => call.Arguments.FirstOrDefault(GoValues.IsTrue)),
            new("ternary", 3, 3, call => call.Bool(2) ? call[0] : call[1]),
            new("required", 2, 2, Required),
        ];

    /// <summary>helmfile's required fails only for nil and the empty string (an empty list passes).</summary>
    private static object? Required(FunctionCall call)
    {
        var message = call.String(0);
        return call[1] is null or "" ? throw call.Fail(message) : call[1];
    }
}
