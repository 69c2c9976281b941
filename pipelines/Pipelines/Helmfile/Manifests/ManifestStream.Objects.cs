using System.Globalization;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.Manifests;

internal static partial class ManifestStream
{
    private sealed record ParseContext(string Release, string? DefaultNamespace);

    private static void AddDocument(
        List<ManifestObject> objects,
        ParseContext context,
        string source,
        string yaml
    )
    {
        IReadOnlyList<object?> documents;
        try
        {
            documents = YamlData.ParseDocuments(yaml, source);
        }
        catch (SourceLocatedException exception)
        {
            throw new SourceLocatedException(
                $"release {context.Release}: rendered {exception.Message}",
                exception.File,
                exception.Line,
                exception.Column
            );
        }
        // A document of comments only parses to nothing.
        if (documents.Count == 0 || documents[0] is null)
        {
            return;
        }
        AddObject(objects, context, source, "", yaml, documents[0]);
    }

    private static void AddObject(
        List<ManifestObject> objects,
        ParseContext context,
        string source,
        string where,
        string yaml,
        object? data
    )
    {
        if (data is not Dictionary<string, object?> map)
        {
            objects.Add(
                NotAnObject(source, where, yaml, data, $"{YamlData.Describe(data)}, not a mapping")
            );
            return;
        }
        var apiVersion = Text(map, "apiVersion");
        var kind = Text(map, "kind");
        var metadata = map.GetValueOrDefault("metadata") as Dictionary<string, object?>;
        var name = metadata is null ? null : Text(metadata, "name");
        if (apiVersion is not null && kind is not null && ListItems(kind, map) is { } items)
        {
            for (var index = 0; index < items.Count; index++)
            {
                var item = items[index];
                var itemYaml = YamlData.ToYaml(item).TrimEnd('\n');
                var itemWhere = $"{where}item {index + 1} of {kind}: ";
                AddObject(objects, context, source, itemWhere, itemYaml, item);
            }
            return;
        }
        if (apiVersion is null || kind is null || name is null)
        {
            var lacking = Missing(apiVersion, kind, name);
            objects.Add(
                NotAnObject(source, where, yaml, data, lacking) with
                {
                    ApiVersion = apiVersion ?? "",
                    Kind = kind ?? "",
                    Name = name ?? "",
                }
            );
            return;
        }
        var ns = ResourceScope.IsClusterScoped(apiVersion, kind)
            ? null
            : Text(metadata!, "namespace") ?? context.DefaultNamespace;
        objects.Add(new ManifestObject(apiVersion, kind, ns, name, source, yaml, map));
    }

    /// <summary>The items of <c>kind: List</c> (or <c>FooList</c>), as kubectl accepts them; null for other kinds.</summary>
    private static List<object?>? ListItems(string kind, Dictionary<string, object?> map) =>
        kind.EndsWith("List", StringComparison.Ordinal)
            ? map.GetValueOrDefault("items") as List<object?>
            : null;

    // helm template prints any mapping a template renders; RenderHelmfile keeps it, as `helmfile template` does.
    private static ManifestObject NotAnObject(
        string source,
        string where,
        string yaml,
        object? data,
        string problem
    ) => new("", "", null, "", source, yaml, data) { NotAnObject = where + problem };

    private static string Missing(string? apiVersion, string? kind, string? name)
    {
        var missing = new List<string>();
        if (apiVersion is null)
        {
            missing.Add("apiVersion");
        }
        if (kind is null)
        {
            missing.Add("kind");
        }
        if (name is null)
        {
            missing.Add("metadata.name");
        }
        var what = kind is null ? "a document" : $"a {kind}";
        return $"{what}{(name is null ? "" : $" named '{name}'")} has no {string.Join(", ", missing)}, "
            + "so it is not a Kubernetes object (every object needs apiVersion, kind and metadata.name)";
    }

    /// <summary>A non-empty scalar as text; helm may render a name like <c>123</c> unquoted.</summary>
    private static string? Text(Dictionary<string, object?> map, string key) =>
        map.GetValueOrDefault(key) switch
        {
            string text when text.Trim().Length > 0 => text,
            bool flag => flag ? "true" : "false",
            long or double => System.Convert.ToString(map[key], CultureInfo.InvariantCulture),
            _ => null,
        };
}
