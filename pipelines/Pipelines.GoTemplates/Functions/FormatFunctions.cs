using Pipelines.GoTemplates.Formatting;

namespace Pipelines.GoTemplates.Functions;

/// <summary>Go's print family and sprig's quote, squote and toString; all format values like Go's fmt.</summary>
internal static class FormatFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("print", 0, null, call => GoFormat.Sprint(call.Arguments)),
            new("println", 0, null, call => GoFormat.Sprintln(call.Arguments)),
            new("printf", 1, null, Printf),
            // sprig's quote and squote skip nil arguments, so `quote .Values.unset` gives an empty string.
            new(
                "quote",
                0,
                null,
                call => Join(call, value => GoQuote.Quote(GoFormat.Value(value)))
            ),
            new("squote", 0, null, call => Join(call, value => $"'{GoFormat.Value(value)}'")),
            new("toString", 1, 1, call => GoFormat.Value(call[0])),
        ];

    private static object? Printf(FunctionCall call)
    {
        try
        {
            return GoPrintf.Format(call.String(0), call.Arguments.Skip(1).ToList());
        }
        catch (FormatException exception)
        {
            throw call.Fail(exception.Message);
        }
    }

    private static string Join(FunctionCall call, Func<object?, string> format) =>
        string.Join(' ', call.Arguments.Where(value => value is not null).Select(format));
}
