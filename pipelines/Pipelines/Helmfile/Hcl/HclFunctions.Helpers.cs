using System.Globalization;
using System.Text;

namespace Pipelines.Helmfile.Hcl;

/// <summary>The bodies of the HCL functions longer than one line.</summary>
internal static partial class HclFunctions
{
    /// <summary>Shallow, later arguments winning; null arguments are skipped.</summary>
    private static Dictionary<string, object?> Merge(List<object?> arguments)
    {
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var argument in arguments.Where(x => x is not null))
        {
            if (argument is not Dictionary<string, object?> map)
            {
                throw new HclFunctionException(
                    $"every argument must be an object, not {HclEvaluator.Describe(argument)}"
                );
            }
            foreach (var (key, value) in map)
            {
                merged[key] = value;
            }
        }
        return merged;
    }

    private static string Title(string text)
    {
        var result = new StringBuilder(text.Length);
        var start = true;
        foreach (var c in text)
        {
            result.Append(start && char.IsLetter(c) ? char.ToUpperInvariant(c) : c);
            start = !char.IsLetter(c) && !char.IsDigit(c);
        }
        return result.ToString();
    }

    private static string Substring(string text, int offset, int length)
    {
        var runes = text.EnumerateRunes().Select(r => r.ToString()).ToList();
        offset = offset < 0 ? Math.Max(0, runes.Count + offset) : Math.Min(offset, runes.Count);
        length = length < 0 ? runes.Count - offset : Math.Min(length, runes.Count - offset);
        return string.Concat(runes.Skip(offset).Take(length));
    }

    private static List<object?> Flatten(List<object?> list) =>
        list.SelectMany(x => x is List<object?> inner ? Flatten(inner) : [x]).ToList();

    private static List<object?> Range(List<double> n)
    {
        var (start, end, step) = n.Count switch
        {
            1 => (0d, n[0], 1d),
            2 => (n[0], n[1], n[0] <= n[1] ? 1d : -1d),
            _ => (n[0], n[1], n[2]),
        };
        if (step == 0)
        {
            throw new HclFunctionException("the step must not be zero");
        }
        var result = new List<object?>();
        for (var v = start; step > 0 ? v < end : v > end; v += step)
        {
            result.Add(v);
        }
        return result;
    }

    /// <summary>cty's format for the verbs values files use: %s, %d, %f, %v, %q, %%.</summary>
    private static string Format(string format, List<object?> args, HclEvaluator e, HclPosition at)
    {
        var result = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                result.Append(format[i]);
                continue;
            }
            var verb =
                ++i < format.Length
                    ? format[i]
                    : throw new HclFunctionException("the format ends with '%'");
            if (verb == '%')
            {
                result.Append('%');
                continue;
            }
            var arg =
                next < args.Count
                    ? args[next++]
                    : throw new HclFunctionException(
                        $"not enough arguments for the format \"{format}\""
                    );
            result.Append(
                verb switch
                {
                    's' or 'v' => arg is List<object?> or Dictionary<string, object?>
                        ? Json(arg)
                        : e.Text(arg, at),
                    'd' => ((long)e.Number(arg, at, "a %d argument")).ToString(
                        CultureInfo.InvariantCulture
                    ),
                    'f' => e.Number(arg, at, "a %f argument")
                        .ToString("F6", CultureInfo.InvariantCulture),
                    'q' => Json(e.Text(arg, at)),
                    _ => throw new HclFunctionException(
                        $"the verb %{verb} is not supported here; use %s, %d, %f, %v or %q"
                    ),
                }
            );
        }
        return result.ToString();
    }

    private static string Json(object? value) =>
        System.Text.Json.JsonSerializer.Serialize(
            value,
            new System.Text.Json.JsonSerializerOptions
            {
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }
        );
}
