namespace Pipelines.GoTemplates.Execution;

/// <summary>Go's view of plain data: which values are "true", and one representation per kind of number.</summary>
internal static class GoValues
{
    /// <summary>
    /// Go's truth (text/template isTrue, sprig empty): false, 0, 0.0, "", nil and empty lists and maps are
    /// false; everything else is true.
    /// </summary>
    public static bool IsTrue(object? value) =>
        value switch
        {
            null => false,
            bool flag => flag,
            string text => text.Length > 0,
            long whole => whole != 0,
            double real => real != 0,
            IReadOnlyDictionary<string, object?> map => map.Count > 0,
            IReadOnlyList<object?> list => list.Count > 0,
            _ => true,
        };

    /// <summary>
    /// Data handed in by callers may hold <see cref="int"/> or <see cref="float"/>; everything inside the engine
    /// is <see cref="long"/> or <see cref="double"/>, as <c>YamlData</c> produces.
    /// </summary>
    public static object? Normalize(object? value) =>
        value switch
        {
            int or short or sbyte or byte or ushort or uint => Convert.ToInt64(
                value,
                provider: null
            ),
            ulong big when big <= long.MaxValue => (long)big,
            float or decimal => Convert.ToDouble(value, provider: null),
            _ => value,
        };

    /// <summary>reflect.DeepEqual on plain data: an int never equals a float, maps and lists compare by content.</summary>
    public static bool DeepEqual(object? left, object? right) =>
        (Normalize(left), Normalize(right)) switch
        {
            (null, null) => true,
            (IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b) =>
                a.Count == b.Count
                    && a.All(p => b.TryGetValue(p.Key, out var other) && DeepEqual(p.Value, other)),
            (IReadOnlyList<object?> a, IReadOnlyList<object?> b) => a.Count == b.Count
                && a.Zip(b).All(p => DeepEqual(p.First, p.Second)),
            (var a, var b) => a is not null && a.Equals(b),
        };

    /// <summary>A copy whose maps and lists can be changed without touching the original (sprig's deepCopy).</summary>
    public static object? DeepCopy(object? value) =>
        Normalize(value) switch
        {
            IReadOnlyDictionary<string, object?> map => map.ToDictionary(
                p => p.Key,
                p => DeepCopy(p.Value),
                StringComparer.Ordinal
            ),
            IReadOnlyList<object?> list => list.Select(DeepCopy).ToList(),
            var other => other,
        };
}
