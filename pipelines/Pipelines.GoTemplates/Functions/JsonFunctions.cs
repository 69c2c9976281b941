using Pipelines.GoTemplates.Formatting;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// sprig's JSON functions. The plain ones swallow errors as sprig does (<c>fromJson</c> of bad JSON is nil,
/// <c>toJson</c> of NaN is empty); the <c>must</c> ones fail the render instead.
/// </summary>
internal static class JsonFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("toJson", 1, 1, call => Lenient(() => GoJson.Encode(call[0]))),
            new("toPrettyJson", 1, 1, call => Lenient(() => GoJson.Encode(call[0], indent: true))),
            new(
                "toRawJson",
                1,
                1,
                call => Lenient(() => GoJson.Encode(call[0], escapeHtml: false))
            ),
            new("mustToJson", 1, 1, call => Strict(call, () => GoJson.Encode(call[0]))),
            new(
                "mustToPrettyJson",
                1,
                1,
                call => Strict(call, () => GoJson.Encode(call[0], indent: true))
            ),
            new(
                "mustToRawJson",
                1,
                1,
                call => Strict(call, () => GoJson.Encode(call[0], escapeHtml: false))
            ),
            new(
                "fromJson",
                1,
                1,
                call => GoJson.TryDecode(call.String(0), out var value) ? value : null
            ),
            new("mustFromJson", 1, 1, MustFromJson),
        ];

    private static string Lenient(Func<string> encode)
    {
        try
        {
            return encode();
        }
        catch (FormatException)
        {
            return "";
        }
    }

    private static string Strict(FunctionCall call, Func<string> encode)
    {
        try
        {
            return encode();
        }
        catch (FormatException exception)
        {
            throw call.Fail(exception.Message);
        }
    }

    private static object? MustFromJson(FunctionCall call) =>
        GoJson.TryDecode(call.String(0), out var value)
            ? value
            : throw call.Fail($"invalid JSON: {call.String(0)}");
}
