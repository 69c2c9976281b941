namespace Pipelines.GoTemplates.Values;

/// <summary>
/// A Go value that is not plain data (a <c>time.Time</c>, a <c>*semver.Version</c>): templates read its methods
/// as fields (<c>.Major</c>) or call them with arguments (<c>$t.Format "2006"</c>), and fmt prints it through its
/// String method, as Go's fmt does for a fmt.Stringer.
/// </summary>
internal interface IGoObject
{
    /// <summary>The Go type's name, as <c>typeOf</c> and <c>%T</c> print it.</summary>
    string TypeName { get; }

    /// <summary>The method names templates may call, for error messages.</summary>
    IReadOnlyList<string> Methods { get; }

    /// <summary>What fmt prints for <c>%v</c> and <c>%s</c>.</summary>
    string GoString();

    /// <summary>What encoding/json writes: the JSON text of the value (a quoted string for both types here).</summary>
    string JsonText();

    /// <summary>
    /// Calls <paramref name="method"/>; false when there is no such method. Wrong arguments throw
    /// <see cref="Functions.TemplateFunctionException"/> with Go's wording.
    /// </summary>
    bool TryCall(string method, IReadOnlyList<object?> arguments, out object? result);
}
