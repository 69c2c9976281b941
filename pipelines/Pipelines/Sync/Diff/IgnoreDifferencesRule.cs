namespace Pipelines.Sync.Diff;

/// <summary>
/// One ignoreDifferences rule, as in Argo CD: matches objects by group/kind/name/namespace (null = any, <c>*</c> = any;
/// kind required; group "" is the core group) and ignores the JSON pointers on both sides before comparing.
/// Pointers follow RFC 6901 (<c>/spec/replicas</c>, <c>/spec/template/spec/containers/0/image</c>, <c>~1</c> for "/")
/// with two extensions: <c>field=value</c> selects a list item by a field
/// (<c>/spec/template/spec/containers/name=web/image</c>), and <c>*</c> matches any key or item. A numeric index counts
/// in the desired list. jqPathExpressions and managedFieldsManagers are not supported.
/// </summary>
public sealed record IgnoreDifferencesRule(
    string? Group,
    string Kind,
    string? Name,
    string? Namespace,
    IReadOnlyList<string> JsonPointers
)
{
    public string Kind { get; init; } =
        string.IsNullOrWhiteSpace(Kind)
            ? throw new ArgumentException(
                "An ignoreDifferences rule needs a kind, e.g. Deployment (or * for any kind).",
                nameof(Kind)
            )
            : Kind;

    /// <summary>Validated on construction: an invalid pointer fails here, naming the expected form.</summary>
    public IReadOnlyList<string> JsonPointers { get; init; } = Validated(JsonPointers);

    internal JsonPointer[] Pointers => JsonPointer.ParseAll(JsonPointers);

    internal bool Matches(
        ReadOnlySpan<char> group,
        string? kind,
        string? name,
        string? @namespace
    ) =>
        (Group is null or "*" || group.SequenceEqual(Group))
        && (Kind == "*" || Kind == kind)
        && (Name is null or "*" || Name == name)
        && (Namespace is null or "*" || Namespace == @namespace);

    private static IReadOnlyList<string> Validated(IReadOnlyList<string> pointers)
    {
        ArgumentNullException.ThrowIfNull(pointers);
        JsonPointer.ParseAll(pointers);
        return pointers;
    }
}
