namespace Pipelines.Helmfile.Templates.Execution;

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
}
