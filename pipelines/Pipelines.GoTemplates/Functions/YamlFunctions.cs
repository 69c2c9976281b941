using Pipelines.Failures;
using Pipelines.GoTemplates.Execution;
using Pipelines.Yaml.Data;

namespace Pipelines.GoTemplates.Functions;

/// <summary>helmfile's toYaml and fromYaml.</summary>
internal static class YamlFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            // helmfile's toYaml (unlike helm's) keeps the trailing newline of the YAML document; see ToYaml.
            new("toYaml", 1, 1, call => ToYaml(call[0])),
            new("fromYaml", 1, 1, FromYaml),
        ];

    /// <summary>
    /// Sorted-key block YAML ending in a newline, as helmfile's <c>toYaml</c> (ghodss/yaml Marshal) returns it;
    /// helm's chart-side toYaml trims that newline, helmfile's does not.
    /// </summary>
    public static string ToYaml(object? value) => YamlData.ToYaml(Plain(value));

    private static object? FromYaml(FunctionCall call)
    {
        var text = call.String(0);
        try
        {
            return YamlData.ParseMapping(text, "fromYaml");
        }
        catch (SourceLocatedException exception)
        {
            throw call.Fail($"{exception.Message}, offending yaml: {text}");
        }
    }

    /// <summary>YamlData knows Dictionary and List; callers' other collection types are copied into those.</summary>
    private static object? Plain(object? value) =>
        GoValues.Normalize(value) switch
        {
            IReadOnlyDictionary<string, object?> map => map.ToDictionary(
                p => p.Key,
                p => Plain(p.Value)
            ),
            IReadOnlyList<object?> list => list.Select(Plain).ToList(),
            // go-yaml writes a time as its RFC 3339 text; a version through its String method.
            Values.IGoObject goObject => goObject.JsonText().Trim('"'),
            var other => other,
        };
}
