using Amazon.SimpleSystemsManagement.Model;

namespace Pipelines.Helmfile.Vals;

/// <summary>The parameters under a path as nested maps, the way vals' awsssm provider builds them.</summary>
internal static class ParameterTree
{
    /// <summary>
    /// Names are taken relative to <paramref name="path"/> and split on '/': <c>/app/db/host</c> under <c>/app</c>
    /// becomes <c>{db: {host: ...}}</c>. When a name is both a value and the parent of others (only possible with
    /// <c>recursive=true</c>), the map of its children wins, as in vals; unlike vals, whatever order AWS returns.
    /// </summary>
    public static Dictionary<string, object?> Build(string path, IEnumerable<Parameter> parameters)
    {
        var root = new Dictionary<string, object?>();
        var prefix = path.EndsWith('/') ? path : path + "/";
        foreach (var parameter in parameters)
        {
            var name = parameter.Name ?? "";
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
            {
                // A name without the leading slash (AWS treats '/x' and 'x' as one parameter at the top level).
                if (prefix != "/" || name.Length == 0)
                {
                    continue;
                }
                name = "/" + name;
            }
            Add(root, name[prefix.Length..].Split('/'), parameter.Value ?? "");
        }
        return root;
    }

    private static void Add(Dictionary<string, object?> root, string[] segments, string value)
    {
        var current = root;
        foreach (var segment in segments[..^1])
        {
            if (current.GetValueOrDefault(segment) is not Dictionary<string, object?> child)
            {
                child = [];
                current[segment] = child;
            }
            current = child;
        }
        if (current.GetValueOrDefault(segments[^1]) is not Dictionary<string, object?>)
        {
            current[segments[^1]] = value;
        }
    }
}
