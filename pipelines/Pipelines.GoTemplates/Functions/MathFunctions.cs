namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// sprig's integer math. Arguments convert loosely (cast.ToInt64: "3" is 3, 2.9 is 2) and results are int64;
/// division truncates toward zero as Go's does, and dividing by zero fails the render as Go's panic does.
/// </summary>
internal static class MathFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("add1", 1, 1, call => GoCast.ToInt64(call[0]) + 1),
            new("add", 0, null, call => call.Arguments.Sum(GoCast.ToInt64)),
            new("sub", 2, 2, call => GoCast.ToInt64(call[0]) - GoCast.ToInt64(call[1])),
            new(
                "mul",
                1,
                null,
                call => call.Arguments.Aggregate(1L, (p, v) => p * GoCast.ToInt64(v))
            ),
            new("div", 2, 2, call => Divide(call, (a, b) => a / b)),
            new("mod", 2, 2, call => Divide(call, (a, b) => a % b)),
            new("max", 1, null, call => call.Arguments.Max(GoCast.ToInt64)),
            new("biggest", 1, null, call => call.Arguments.Max(GoCast.ToInt64)),
            new("min", 1, null, call => call.Arguments.Min(GoCast.ToInt64)),
            new("until", 1, 1, call => Until(call.Int(0))),
            new("untilStep", 3, 3, call => UntilStep(call.Int(0), call.Int(1), call.Int(2))),
            new("seq", 0, null, Seq),
        ];

    private static long Divide(FunctionCall call, Func<long, long, long> operation)
    {
        var divisor = GoCast.ToInt64(call[1]);
        return divisor == 0
            ? throw call.Fail("runtime error: integer divide by zero")
            : operation(GoCast.ToInt64(call[0]), divisor);
    }

    private static List<object?> Until(long count) => UntilStep(0, count, count < 0 ? -1 : 1);

    /// <summary>sprig's untilStep: from start toward stop (exclusive); a step pointing away gives nothing.</summary>
    public static List<object?> UntilStep(long start, long stop, long step)
    {
        var values = new List<object?>();
        if (stop < start)
        {
            for (var i = start; step < 0 && i > stop; i += step)
            {
                values.Add(i);
            }
            return values;
        }
        for (var i = start; step > 0 && i < stop; i += step)
        {
            values.Add(i);
        }
        return values;
    }

    /// <summary>sprig's seq, like the shell's: <c>seq 3</c>, <c>seq 2 5</c>, <c>seq 0 2 10</c>, as space-separated text.</summary>
    private static object? Seq(FunctionCall call)
    {
        var numbers = Enumerable.Range(0, call.Count).Select(call.Int).ToList();
        List<object?> values;
        switch (numbers.Count)
        {
            case 1:
                var step = numbers[0] < 1 ? -1 : 1;
                values = UntilStep(1, numbers[0] + step, step);
                break;
            case 2:
                var direction = numbers[1] < numbers[0] ? -1 : 1;
                values = UntilStep(numbers[0], numbers[1] + direction, direction);
                break;
            case 3:
                var increment = numbers[2] < numbers[0] ? -1 : 1;
                if (increment < 0 && numbers[1] > 0)
                {
                    return "";
                }
                values = UntilStep(numbers[0], numbers[2] + increment, numbers[1]);
                break;
            default:
                return "";
        }
        return string.Join(' ', values);
    }
}
