namespace Pipelines.Helmfile.Hcl;

/// <summary>
/// The go-cty standard library functions helmfile offers in HCL values files, those a values file typically uses.
/// The rest of helmfile's list is refused by name, so nothing evaluates differently without saying so.
/// </summary>
internal static partial class HclFunctions
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
}
