using System.Globalization;
using System.Text;

namespace Pipelines.Helmfile.Hcl;

/// <summary>
/// The go-cty standard library functions helmfile offers in HCL values files, those a values file typically uses.
/// The rest of helmfile's list is refused by name, so nothing evaluates differently without saying so.
/// </summary>
internal static class HclFunctions
{
    /// <summary>helmfile's functions (hcl_functions.go) that this subset does not evaluate.</summary>
    private static readonly HashSet<string> NotEvaluated =
    [
        "csvdecode",
        "chunklist",
        "formatdate",
        "formatlist",
        "log",
        "regex",
        "regexall",
        "setintersection",
        "setproduct",
        "setsubtract",
        "setunion",
        "timeadd",
        "yamldecode",
        "yamlencode",
        "jsondecode",
    ];

    public static object? Call(string name, List<object?> a, HclEvaluator e, HclPosition at)
    {
        string S(int i) => e.Text(a[i], at);
        double N(int i) => e.Number(a[i], at, $"argument {i + 1}");
        List<object?> L(int i) =>
            a[i] as List<object?>
            ?? throw new HclFunctionException(
                $"argument {i + 1} must be a list, not {HclEvaluator.Describe(a[i])}"
            );
        Dictionary<string, object?> M(int i) =>
            a[i] as Dictionary<string, object?>
            ?? throw new HclFunctionException(
                $"argument {i + 1} must be an object, not {HclEvaluator.Describe(a[i])}"
            );
        void Arity(int min, int max = -1)
        {
            if (a.Count < min || a.Count > (max < 0 ? min : max))
            {
                throw new HclFunctionException($"wrong number of arguments: got {a.Count}");
            }
        }
        switch (name)
        {
            case "upper":
                Arity(1);
                return S(0).ToUpperInvariant();
            case "lower":
                Arity(1);
                return S(0).ToLowerInvariant();
            case "title":
                Arity(1);
                return Title(S(0));
            case "trimspace":
                Arity(1);
                return S(0).Trim();
            case "chomp":
                Arity(1);
                return S(0).TrimEnd('\n', '\r');
            case "trim":
                Arity(2);
                return S(0).Trim(S(1).ToCharArray());
            case "trimprefix":
                Arity(2);
                return S(0).StartsWith(S(1), StringComparison.Ordinal) ? S(0)[S(1).Length..] : S(0);
            case "trimsuffix":
                Arity(2);
                return S(0).EndsWith(S(1), StringComparison.Ordinal) ? S(0)[..^S(1).Length] : S(0);
            case "strrev":
                Arity(1);
                return string.Concat(S(0).EnumerateRunes().Reverse().Select(r => r.ToString()));
            case "strlen":
                Arity(1);
                return (double)S(0).EnumerateRunes().Count();
            case "indent":
                Arity(2);
                return S(1)
                    .Replace("\n", "\n" + new string(' ', (int)N(0)), StringComparison.Ordinal);
            case "substr":
                Arity(3);
                return Substring(S(0), (int)N(1), (int)N(2));
            case "join":
                Arity(2, int.MaxValue);
                return string.Join(
                    S(0),
                    a.Skip(1).SelectMany((_, i) => L(i + 1)).Select(v => e.Text(v, at))
                );
            case "split":
                Arity(2);
                return S(1).Split(S(0)).Select(v => (object?)v).ToList();
            case "format":
                Arity(1, int.MaxValue);
                return Format(S(0), a.Skip(1).ToList(), e, at);
            case "concat":
                Arity(1, int.MaxValue);
                return a.Select((_, i) => L(i)).SelectMany(l => l).ToList();
            case "length":
                Arity(1);
                return (double)(
                    a[0] switch
                    {
                        string t => t.EnumerateRunes().Count(),
                        List<object?> l => l.Count,
                        Dictionary<string, object?> m => m.Count,
                        _ => throw new HclFunctionException(
                            "argument 1 must be a string, list or object"
                        ),
                    }
                );
            case "keys":
                Arity(1);
                return M(0).Keys.Order(StringComparer.Ordinal).Select(k => (object?)k).ToList();
            case "values":
                Arity(1);
                return M(0)
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => p.Value)
                    .ToList();
            case "lookup":
                Arity(2, 3);
                return M(0).TryGetValue(S(1), out var found) ? found
                    : a.Count == 3 ? a[2]
                    : throw new HclFunctionException(
                        $"the object has no key \"{S(1)}\" and no default was given"
                    );
            case "merge":
                return Merge(a);
            case "coalesce":
                return a.FirstOrDefault(x => x is not null && !(x is string t && t.Length == 0))
                    ?? throw new HclFunctionException("no non-null, non-empty argument");
            case "coalescelist":
                return a.OfType<List<object?>>().FirstOrDefault(l => l.Count > 0)
                    ?? throw new HclFunctionException("no non-empty list argument");
            case "compact":
                Arity(1);
                return L(0).Where(x => x is string t && t.Length > 0).ToList();
            case "contains":
                Arity(2);
                return L(0).Any(x => HclEvaluator.DeepEqual(x, a[1]));
            case "distinct":
                Arity(1);
                return L(0)
                    .Aggregate(
                        new List<object?>(),
                        (r, x) =>
                        {
                            if (!r.Any(y => HclEvaluator.DeepEqual(x, y)))
                            {
                                r.Add(x);
                            }
                            return r;
                        }
                    );
            case "element":
                Arity(2);
                return L(0).Count == 0
                    ? throw new HclFunctionException("cannot use element on an empty list")
                    : L(0)[(int)(((long)N(1) % L(0).Count + L(0).Count) % L(0).Count)];
            case "flatten":
                Arity(1);
                return Flatten(L(0));
            case "reverselist":
                Arity(1);
                return Enumerable.Reverse(L(0)).ToList();
            case "sort":
                Arity(1);
                return L(0)
                    .Select(x => e.Text(x, at))
                    .Order(StringComparer.Ordinal)
                    .Select(x => (object?)x)
                    .ToList();
            case "slice":
                Arity(3);
                return L(0).Skip((int)N(1)).Take((int)N(2) - (int)N(1)).ToList();
            case "range":
                Arity(1, 3);
                return Range(a.Select((_, i) => N(i)).ToList());
            case "zipmap":
                Arity(2);
                return L(0)
                    .Zip(L(1))
                    .ToDictionary(p => e.Text(p.First, at), p => p.Second, StringComparer.Ordinal);
            case "max":
                Arity(1, int.MaxValue);
                return a.Select((_, i) => N(i)).Max();
            case "min":
                Arity(1, int.MaxValue);
                return a.Select((_, i) => N(i)).Min();
            case "abs":
                Arity(1);
                return Math.Abs(N(0));
            case "ceil":
                Arity(1);
                return Math.Ceiling(N(0));
            case "floor":
                Arity(1);
                return Math.Floor(N(0));
            case "signum":
                Arity(1);
                return (double)Math.Sign(N(0));
            case "pow":
                Arity(2);
                return Math.Pow(N(0), N(1));
            case "int":
                Arity(1);
                return Math.Truncate(N(0));
            case "parseint":
                Arity(2);
                return (double)Convert.ToInt64(S(0), (int)N(1));
            case "jsonencode":
                Arity(1);
                return Json(a[0]);
        }
        throw new HclFunctionException(
            NotEvaluated.Contains(name)
                ? "this function of helmfile's HCL is not evaluated by the native renderer; compute the value in a .yaml.gotmpl file, or render with the real helmfile binary (--renderer helmfile)"
                : "unknown function"
        );
    }

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
