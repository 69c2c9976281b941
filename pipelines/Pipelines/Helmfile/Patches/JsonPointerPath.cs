using System.Globalization;

namespace Pipelines.Helmfile.Patches;

/// <summary>
/// RFC 6901 pointers as RFC 6902 walks them: <c>/a/b~1c/0</c>, <c>~1</c> for "/" and <c>~0</c> for "~", <c>-</c>
/// for the end of a list. Negative indexes count from the end, as the json-patch library kustomize uses allows.
/// </summary>
internal static class JsonPointerPath
{
    /// <exception cref="PatchFailure">Not empty and not starting with "/", or a "~" not followed by 0 or 1.</exception>
    public static void Validate(string pointer, string where)
    {
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            throw new PatchFailure(
                $"{where}: '{pointer}' is not a JSON pointer: it must be empty (the whole object) or start with '/', e.g. /spec/replicas."
            );
        }
        for (var i = 0; i < pointer.Length; i++)
        {
            if (
                pointer[i] == '~'
                && (i + 1 >= pointer.Length || pointer[i + 1] is not ('0' or '1'))
            )
            {
                throw new PatchFailure(
                    $"{where}: '{pointer}' is not a JSON pointer: '~' must be written ~0, and '/' inside a key ~1."
                );
            }
        }
    }

    public static IReadOnlyList<string> Tokens(string pointer) =>
        pointer.Length == 0
            ? []
            : pointer[1..].Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToList();

    /// <summary>The list index a token names: 0..count-1 (count too when <paramref name="forInsert"/>), or null.</summary>
    public static int? Index(string token, int count, bool forInsert)
    {
        if (forInsert && token == "-")
        {
            return count;
        }
        if (
            !int.TryParse(
                token,
                NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture,
                out var index
            )
        )
        {
            return null;
        }
        var size = forInsert ? count + 1 : count;
        if (index < 0)
        {
            index += size;
        }
        return index >= 0 && index < size ? index : null;
    }
}
