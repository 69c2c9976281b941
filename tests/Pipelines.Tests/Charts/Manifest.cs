namespace Pipelines.Tests.Charts;

/// <summary>One rendered Kubernetes object, with a path lookup: <c>Get("spec", "template", "spec")</c>.</summary>
internal sealed record Manifest(Dictionary<string, object?> Document)
{
    public string ApiVersion => (string)Document["apiVersion"]!;
    public string Kind => (string)Document["kind"]!;
    public string Name => (string)Get("metadata", "name")!;

    public IReadOnlyDictionary<string, object?> Labels =>
        Get("metadata", "labels") as Dictionary<string, object?> ?? [];

    /// <summary>The value at a path of map keys and list indexes, or null when any step is missing.</summary>
    public object? Get(params object[] path)
    {
        object? current = Document;
        foreach (var step in path)
        {
            current = (current, step) switch
            {
                (Dictionary<string, object?> map, string key) => map.GetValueOrDefault(key),
                (List<object?> list, int index) when index < list.Count => list[index],
                _ => null,
            };
        }
        return current;
    }

    public override string ToString() => $"{Kind} {Name}";
}

internal static class Manifests
{
    public static Manifest Single(this IEnumerable<Manifest> manifests, string kind) =>
        Enumerable.Single(manifests, m => m.Kind == kind);

    public static bool Has(this IEnumerable<Manifest> manifests, string kind) =>
        manifests.Any(m => m.Kind == kind);
}
