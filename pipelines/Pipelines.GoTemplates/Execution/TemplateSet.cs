using Pipelines.GoTemplates.Syntax;

namespace Pipelines.GoTemplates.Execution;

/// <summary>The named templates one template can call, as Go associates the trees of several parses.</summary>
internal static class TemplateSet
{
    /// <summary>Later definitions replace earlier ones, except that an empty body never replaces a real one.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Node>> Merge(
        IReadOnlyDictionary<string, IReadOnlyList<Node>> earlier,
        IReadOnlyDictionary<string, IReadOnlyList<Node>> later
    )
    {
        if (earlier.Count == 0)
        {
            return later;
        }
        var merged = new Dictionary<string, IReadOnlyList<Node>>(earlier, StringComparer.Ordinal);
        foreach (var (name, body) in later)
        {
            if (!merged.ContainsKey(name) || !TemplateTree.IsEmpty(body))
            {
                merged[name] = body;
            }
        }
        return merged;
    }

    /// <summary>
    /// helmfile's helper templates: every <c>_*.tpl</c> file beside the template (in name order, as Go's glob
    /// returns them), whose definitions <c>include</c> and <c>template</c> can use.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Node>> Helpers(string? directory)
    {
        IReadOnlyDictionary<string, IReadOnlyList<Node>> helpers =
            new Dictionary<string, IReadOnlyList<Node>>();
        if (directory is null || !Directory.Exists(directory))
        {
            return helpers;
        }
        foreach (
            var file in Directory.EnumerateFiles(directory, "_*.tpl").Order(StringComparer.Ordinal)
        )
        {
            helpers = Merge(helpers, Parser.Parse(File.ReadAllText(file), file).Defines);
        }
        return helpers;
    }
}
