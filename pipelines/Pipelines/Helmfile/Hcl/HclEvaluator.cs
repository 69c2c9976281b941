using System.Globalization;
using Pipelines.Failures;

namespace Pipelines.Helmfile.Hcl;

/// <summary>
/// Evaluates HCL expressions to plain data as helmfile ends up with it (go-cty values through JSON): strings, numbers
/// as double, bools, null, lists and maps. <c>hv.NAME</c> and <c>local.NAME</c> are looked up through the loader.
/// </summary>
internal sealed class HclEvaluator(
    string file,
    Func<string, HclPosition, object?> values,
    Func<string, HclPosition, object?> locals
)
{
    public object? Evaluate(HclExpression expression) =>
        expression switch
        {
            HclLiteral literal => literal.Value,
            HclTemplate template => Template(template),
            HclTuple tuple => tuple.Items.Select(Evaluate).ToList(),
            HclObject obj => Object(obj),
            HclVariable variable => throw Error(variable.Position, Root(variable.Name)),
            HclAttributeAccess { Target: HclVariable { Name: "hv" } } access => values(
                access.Name,
                access.Position
            ),
            HclAttributeAccess { Target: HclVariable { Name: "local" } } access => locals(
                access.Name,
                access.Position
            ),
            HclAttributeAccess access => Attribute(Evaluate(access.Target), access),
            HclIndex index => Index(Evaluate(index.Target), Evaluate(index.Key), index.Position),
            HclCall call => Call(call),
            HclUnary unary => Unary(unary),
            HclBinary binary => Binary(binary),
            HclConditional conditional => Bool(
                Evaluate(conditional.Condition),
                conditional.Position,
                "the condition"
            )
                ? Evaluate(conditional.Then)
                : Evaluate(conditional.Else),
            _ => throw Error(expression.Position, "unsupported expression"),
        };

    private static string Root(string name) =>
        name is "hv" or "local"
            ? $"the \"{name}\" object cannot be accessed directly; use {name}.NAME"
            : $"unknown variable '{name}': values are referenced as hv.NAME, locals as local.NAME";

    private string Template(HclTemplate template)
    {
        var text = new System.Text.StringBuilder();
        foreach (var part in template.Parts)
        {
            text.Append(Text(Evaluate(part), part.Position));
        }
        return text.ToString();
    }

    /// <summary>How cty converts a value to a string: numbers in their shortest form, bools as true/false; nothing else.</summary>
    public string Text(object? value, HclPosition position) =>
        value switch
        {
            string text => text,
            double number => FormatNumber(number),
            bool flag => flag ? "true" : "false",
            null => throw Error(position, "a null value cannot be put into a string"),
            _ => throw Error(position, $"{Describe(value)} cannot be put into a string"),
        };

    public static string FormatNumber(double number) =>
        number.ToString("R", CultureInfo.InvariantCulture).Replace("E+", "e+").Replace("E-", "e-");

    private Dictionary<string, object?> Object(HclObject obj)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in obj.Items)
        {
            result[Text(Evaluate(key), key.Position)] = Evaluate(value);
        }
        return result;
    }

    private object? Attribute(object? target, HclAttributeAccess access) =>
        target is Dictionary<string, object?> map
            ? map.TryGetValue(access.Name, out var found)
                ? found
                : throw Error(
                    access.Position,
                    $"this object has no attribute '{access.Name}' (it has: {string.Join(", ", map.Keys.Order(StringComparer.Ordinal))})"
                )
            : throw Error(
                access.Position,
                $"{Describe(target)} has no attributes; '.{access.Name}' needs an object"
            );

    private object? Index(object? target, object? key, HclPosition position) =>
        (target, key) switch
        {
            (List<object?> list, double number)
                when number == Math.Floor(number) && number >= 0 && number < list.Count => list[
                (int)number
            ],
            (List<object?> list, _) => throw Error(
                position,
                $"index {Text(key, position)} is out of range for a list of {list.Count}"
            ),
            (Dictionary<string, object?> map, _) => map.TryGetValue(
                Text(key, position),
                out var found
            )
                ? found
                : throw Error(position, $"this object has no key \"{Text(key, position)}\""),
            _ => throw Error(position, $"{Describe(target)} cannot be indexed"),
        };

    private object? Call(HclCall call)
    {
        if (call.Name is "try" or "can")
        {
            foreach (var argument in call.Arguments)
            {
                try
                {
                    var value = Evaluate(argument);
                    return call.Name == "can" ? true : value;
                }
                catch (SourceLocatedException)
                    when (call.Name == "can" || argument != call.Arguments[^1])
                {
                    if (call.Name == "can")
                    {
                        return false;
                    }
                }
            }
            throw Error(call.Position, $"{call.Name} needs at least one argument");
        }
        var arguments = call.Arguments.Select(Evaluate).ToList();
        if (call.ExpandLast)
        {
            var last =
                arguments[^1] as List<object?>
                ?? throw Error(
                    call.Position,
                    "'...' expands a list, and the last argument is not one"
                );
            arguments = [.. arguments.Take(arguments.Count - 1), .. last];
        }
        try
        {
            return HclFunctions.Call(call.Name, arguments, this, call.Position);
        }
        catch (HclFunctionException exception)
        {
            throw Error(call.Position, $"{call.Name}(): {exception.Message}");
        }
    }

    private object? Unary(HclUnary unary)
    {
        var operand = Evaluate(unary.Operand);
        return unary.Operator == "!"
            ? !Bool(operand, unary.Position, "the operand of !")
            : -Number(operand, unary.Position, "the operand of -");
    }

    private object? Binary(HclBinary binary)
    {
        if (binary.Operator is "&&" or "||")
        {
            var left = Bool(
                Evaluate(binary.Left),
                binary.Position,
                $"the left side of {binary.Operator}"
            );
            var right = Bool(
                Evaluate(binary.Right),
                binary.Position,
                $"the right side of {binary.Operator}"
            );
            return binary.Operator == "&&" ? left && right : left || right;
        }
        var (a, b) = (Evaluate(binary.Left), Evaluate(binary.Right));
        if (binary.Operator is "==" or "!=")
        {
            var equal = DeepEqual(a, b);
            return binary.Operator == "==" ? equal : !equal;
        }
        var (x, y) = (
            Number(a, binary.Left.Position, $"the left side of {binary.Operator}"),
            Number(b, binary.Right.Position, $"the right side of {binary.Operator}")
        );
        return binary.Operator switch
        {
            "+" => x + y,
            "-" => x - y,
            "*" => x * y,
            "/" => y == 0 ? throw Error(binary.Position, "division by zero") : x / y,
            "%" => y == 0 ? throw Error(binary.Position, "division by zero") : x % y,
            "<" => x < y,
            ">" => x > y,
            "<=" => x <= y,
            _ => x >= y,
        };
    }

    /// <summary>cty converts numeric strings to numbers where a number is needed ("2" + 1 is 3).</summary>
    public double Number(object? value, HclPosition position, string what) =>
        value switch
        {
            double number => number,
            string text
                when double.TryParse(
                    text,
                    NumberStyles.Float,
                    CultureInfo.InvariantCulture,
                    out var parsed
                ) => parsed,
            _ => throw Error(position, $"{what} must be a number, not {Describe(value)}"),
        };

    private bool Bool(object? value, HclPosition position, string what) =>
        value switch
        {
            bool flag => flag,
            "true" => true,
            "false" => false,
            _ => throw Error(position, $"{what} must be a bool, not {Describe(value)}"),
        };

    public static bool DeepEqual(object? a, object? b) =>
        (a, b) switch
        {
            (List<object?> x, List<object?> y) => x.Count == y.Count
                && x.Zip(y).All(p => DeepEqual(p.First, p.Second)),
            (Dictionary<string, object?> x, Dictionary<string, object?> y) => x.Count == y.Count
                && x.All(p => y.TryGetValue(p.Key, out var other) && DeepEqual(p.Value, other)),
            _ => Equals(a, b),
        };

    public static string Describe(object? value) =>
        value switch
        {
            null => "null",
            string => "a string",
            double => "a number",
            bool => "a bool",
            List<object?> => "a list",
            _ => "an object",
        };

    public SourceLocatedException Error(HclPosition position, string message) =>
        new(
            $"{file}:{position.Line}:{position.Column}: {message}",
            file,
            position.Line,
            position.Column
        );
}

/// <summary>A function's own failure; the evaluator adds where it was called.</summary>
internal sealed class HclFunctionException(string message) : Exception(message);
