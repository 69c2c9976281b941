using Pipelines.GoTemplates.Execution;
using Pipelines.GoTemplates.Formatting;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// sprig's list functions. They never change the list they are given; each returns a new one. Equality (uniq,
/// has, without) is Go's reflect.DeepEqual, so 1 and 1.0 differ. The <c>must</c> variants fail the same way.
/// </summary>
internal static class ListFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        Both("append", 2, 2, call => (List<object?>)[.. List(call, 0), call[1]])
            .Concat(Both("push", 2, 2, call => (List<object?>)[.. List(call, 0), call[1]]))
            .Concat(Both("prepend", 2, 2, call => (List<object?>)[call[1], .. List(call, 0)]))
            .Concat(Both("first", 1, 1, call => List(call, 0).FirstOrDefault()))
            .Concat(Both("last", 1, 1, call => List(call, 0).LastOrDefault()))
            .Concat(Both("rest", 1, 1, call => List(call, 0).Skip(1).ToList()))
            .Concat(Both("initial", 1, 1, call => List(call, 0).SkipLast(1).ToList()))
            .Concat(Both("reverse", 1, 1, call => List(call, 0).Reverse().ToList()))
            .Concat(Both("uniq", 1, 1, Uniq))
            .Concat(Both("without", 1, null, Without))
            .Concat(Both("has", 2, 2, Has))
            .Concat(Both("compact", 1, 1, call => List(call, 0).Where(GoValues.IsTrue).ToList()))
            .Concat(Both("slice", 1, null, Slice))
            .Concat(Both("chunk", 2, 2, Chunk))
            .Append(new("tuple", 0, null, call => call.Arguments.ToList()))
            .Append(new("concat", 0, null, Concat));

    /// <summary>sprig defines each list function twice; here both names behave the same and fail on bad input.</summary>
    private static IEnumerable<TemplateFunction> Both(
        string name,
        int min,
        int? max,
        Func<FunctionCall, object?> invoke
    ) =>
        [
            new(name, min, max, invoke),
            new("must" + char.ToUpperInvariant(name[0]) + name[1..], min, max, invoke),
        ];

    private static IReadOnlyList<object?> List(FunctionCall call, int index) =>
        call[index] as IReadOnlyList<object?>
        ?? throw call.Fail(
            $"Cannot {call.Name.Replace("must", "", StringComparison.Ordinal).ToLowerInvariant()} on type {GoFormat.TypeName(call[index])}"
        );

    private static object? Uniq(FunctionCall call)
    {
        var unique = new List<object?>();
        foreach (var item in List(call, 0))
        {
            if (!unique.Any(u => GoValues.DeepEqual(u, item)))
            {
                unique.Add(item);
            }
        }
        return unique;
    }

    private static object? Without(FunctionCall call)
    {
        var omit = call.Arguments.Skip(1).ToList();
        return List(call, 0).Where(item => !omit.Any(o => GoValues.DeepEqual(o, item))).ToList();
    }

    /// <summary>has NEEDLE HAYSTACK; a nil haystack holds nothing.</summary>
    private static object? Has(FunctionCall call) =>
        call[1] is not null && List(call, 1).Any(item => GoValues.DeepEqual(item, call[0]));

    /// <summary>sprig's slice: <c>slice $list 1 3</c>; an empty list gives nil, bad bounds fail like Go's.</summary>
    private static object? Slice(FunctionCall call)
    {
        var list = List(call, 0);
        if (list.Count == 0)
        {
            return null;
        }
        var start = call.Count > 1 ? GoCast.ToInt64(call[1]) : 0;
        var end = call.Count > 2 ? GoCast.ToInt64(call[2]) : list.Count;
        if (start < 0 || end > list.Count || start > end)
        {
            throw call.Fail(
                $"reflect: slice index out of range [{start}:{end}] with length {list.Count}"
            );
        }
        return list.Skip((int)start).Take((int)(end - start)).ToList();
    }

    private static object? Chunk(FunctionCall call)
    {
        var size = call.Int(0);
        if (size <= 0)
        {
            throw call.Fail($"chunk size must be positive, got {size}");
        }
        return List(call, 1).Chunk((int)size).Select(c => (object?)c.ToList()).ToList();
    }

    private static object? Concat(FunctionCall call)
    {
        var result = new List<object?>();
        foreach (var (item, i) in call.Arguments.Select((a, i) => (a, i)))
        {
            result.AddRange(List(call, i));
        }
        return result;
    }
}
