using System.Globalization;
using System.Numerics;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// sprig's float math. addf, subf, mulf and divf compute in decimal (sprig uses shopspring/decimal, so
/// <c>addf 1.1 2.2</c> is 3.3, not 3.3000000000000003) and return float64; the rest use float64 directly.
/// </summary>
internal static class FloatFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("add1f", 1, 1, call => Decimal([call[0], 1L], '+')),
            new("addf", 0, null, call => Decimal(call.Arguments, '+')),
            new("subf", 1, null, call => Decimal(call.Arguments, '-')),
            new("mulf", 1, null, call => Decimal(call.Arguments, '*')),
            new("divf", 1, null, Divide),
            new(
                "maxf",
                1,
                null,
                call => call.Arguments.Select(GoCast.ToFloat64).Aggregate(Math.Max)
            ),
            new(
                "minf",
                1,
                null,
                call => call.Arguments.Select(GoCast.ToFloat64).Aggregate(Math.Min)
            ),
            new("floor", 1, 1, call => Math.Floor(GoCast.ToFloat64(call[0]))),
            new("ceil", 1, 1, call => Math.Ceiling(GoCast.ToFloat64(call[0]))),
            new("round", 2, 3, Round),
        ];

    private static object? Divide(FunctionCall call)
    {
        if (call.Arguments.Skip(1).Any(v => GoCast.ToFloat64(v) == 0))
        {
            throw call.Fail("decimal division by 0");
        }
        return Decimal(call.Arguments, '/');
    }

    /// <summary>Folds in decimal; values beyond decimal's range fall back to float64 arithmetic.</summary>
    private static double Decimal(IReadOnlyList<object?> values, char operation)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        try
        {
            var result = values.Select(ToDecimal).Aggregate((a, b) => Apply(a, b, operation));
            // Like decimal.Float64: the decimal's text parsed as a float64, correctly rounded.
            return double.Parse(
                result.ToString(CultureInfo.InvariantCulture),
                CultureInfo.InvariantCulture
            );
        }
        catch (OverflowException)
        {
            return values.Select(GoCast.ToFloat64).Aggregate((a, b) => Apply(a, b, operation));
        }
    }

    private static T Apply<T>(T a, T b, char operation)
        where T : INumber<T> =>
        operation switch
        {
            '+' => a + b,
            '-' => a - b,
            '*' => a * b,
            // shopspring/decimal divides to 16 places, rounding half away from zero.
            _ when a is decimal x && b is decimal y => T.CreateChecked(
                Math.Round(x / y, 16, MidpointRounding.AwayFromZero)
            ),
            _ => a / b,
        };

    /// <summary>decimal.NewFromFloat: the float's shortest decimal form, not C#'s 15-digit conversion.</summary>
    private static decimal ToDecimal(object? value) =>
        decimal.Parse(
            GoCast.ToFloat64(value).ToString("R", CultureInfo.InvariantCulture),
            NumberStyles.Float,
            CultureInfo.InvariantCulture
        );

    /// <summary>sprig's round: rounds away from zero at <c>roundOn</c> (default .5) of the last kept digit.</summary>
    private static object? Round(FunctionCall call)
    {
        var value = GoCast.ToFloat64(call[0]);
        var places = call.Int(1);
        var roundOn = call.Count > 2 ? GoCast.ToFloat64(call[2]) : .5;
        var pow = Math.Pow(10, places);
        var digit = pow * value;
        var fraction = digit - Math.Truncate(digit);
        return (fraction >= roundOn ? Math.Ceiling(digit) : Math.Floor(digit)) / pow;
    }
}
