using System.Globalization;
using System.Text;

namespace Pipelines.Sync.Diff;

/// <summary>
/// One step of the path being compared: a map key, or a list item (its index in the desired list, the item itself
/// for <c>field=value</c> pointers, and the identity key when the list is compared by key).
/// </summary>
internal readonly record struct PathSegment(
    string? Key,
    int Index,
    Dictionary<string, object?>? Item,
    string? KeyField
)
{
    public static PathSegment ForKey(string key) => new(key, -1, null, null);

    public static PathSegment ForItem(int index, object? item, string? keyField) =>
        new(null, index, item as Dictionary<string, object?>, keyField);

    /// <summary>
    /// Renders <c>.spec.template.spec.containers[name=web].image</c>: identifier-like keys after a dot, other keys as
    /// <c>["app.kubernetes.io/name"]</c>, keyed items as <c>[name=web]</c>, other items as <c>[0]</c>.
    /// </summary>
    public static string Render(List<PathSegment> path)
    {
        var text = new StringBuilder();
        foreach (var segment in path)
        {
            if (segment.Key is { } key)
            {
                if (IsIdentifier(key))
                {
                    text.Append('.').Append(key);
                }
                else
                {
                    text.Append("[\"")
                        .Append(key.Replace("\"", "\\\"", StringComparison.Ordinal))
                        .Append("\"]");
                }
            }
            else if (segment.KeyField is { } field && segment.Item is { } item)
            {
                var value = Convert.ToString(item[field], CultureInfo.InvariantCulture);
                text.Append('[').Append(field).Append('=').Append(value).Append(']');
            }
            else
            {
                text.Append('[')
                    .Append(segment.Index.ToString(CultureInfo.InvariantCulture))
                    .Append(']');
            }
        }
        return text.Length == 0 ? "." : text.ToString();
    }

    private static bool IsIdentifier(string key)
    {
        if (key.Length == 0 || !(char.IsAsciiLetter(key[0]) || key[0] == '_'))
        {
            return false;
        }
        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }
        return true;
    }
}
