using System.Text;
using Pipelines.GoTemplates.Execution;
using Pipelines.GoTemplates.Formatting;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// Go's text/template builtins (Go's <c>slice</c> is replaced by sprig's, as in helm and helmfile). <c>and</c> and <c>or</c> are listed here for arity and the supported list; the
/// evaluator short-circuits them itself, as Go does since 1.18.
/// </summary>
internal static class BuiltinFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new(
                "and",
                1,
                null,
                call =>
                    call.Arguments.FirstOrDefault(a => !GoValues.IsTrue(a), call[call.Count - 1])
            ),
            new(
                "or",
                1,
                null,
                call => call.Arguments.FirstOrDefault(GoValues.IsTrue, call[call.Count - 1])
            ),
            new("not", 1, 1, call => !GoValues.IsTrue(call[0])),
            new("len", 1, 1, Length),
            new("index", 1, null, Index),
            new("call", 1, null, Call),
        ];

    /// <summary>
    /// Go's call needs a function value; data here is plain YAML (maps, lists, scalars), which never holds one,
    /// so call always fails as Go fails for a non-function.
    /// </summary>
    private static object? Call(FunctionCall call) =>
        throw call.Fail(
            $"non-function of type {GoFormat.TypeName(call[0])}: template data here holds no functions to call"
        );

    private static object? Length(FunctionCall call) =>
        call[0] switch
        {
            // Go's len counts the bytes of a string, not its characters.
            string text => (long)Encoding.UTF8.GetByteCount(text),
            IReadOnlyDictionary<string, object?> map => (long)map.Count,
            IReadOnlyList<object?> list => (long)list.Count,
            null => throw call.Fail("len of nil pointer"),
            var other => throw call.Fail($"len of type {GoFormat.TypeName(other)}"),
        };

    /// <summary>Go's index: lists by integer (out of range is an error), maps by key (missing gives nil).</summary>
    private static object? Index(FunctionCall call)
    {
        var item = call[0] ?? throw call.Fail("index of untyped nil");
        foreach (var key in call.Arguments.Skip(1))
        {
            item = item switch
            {
                null => throw call.Fail("index of nil pointer"),
                IReadOnlyDictionary<string, object?> map => key is string name
                    ? GoValues.Normalize(map.GetValueOrDefault(name))
                    : throw call.Fail(
                        key is null
                            ? "value is nil; should be of type string"
                            : $"value has type {GoFormat.TypeName(key)}; should be string"
                    ),
                IReadOnlyList<object?> list => GoValues.Normalize(
                    list[Position(call, key, list.Count)]
                ),
                string text => (long)
                    Encoding.UTF8.GetBytes(text)[
                        Position(call, key, Encoding.UTF8.GetByteCount(text))
                    ],
                var other => throw call.Fail(
                    $"can't index item of type {GoFormat.TypeName(other)}"
                ),
            };
        }
        return item;
    }

    private static int Position(FunctionCall call, object? key, int length) =>
        key switch
        {
            long at when at >= 0 && at < length => (int)at,
            long at => throw call.Fail($"index out of range: {at}"),
            null => throw call.Fail("cannot index slice/array with nil"),
            _ => throw call.Fail($"cannot index slice/array with type {GoFormat.TypeName(key)}"),
        };
}
