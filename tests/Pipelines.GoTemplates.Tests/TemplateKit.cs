using Pipelines.Failures;
using Pipelines.GoTemplates;
using Pipelines.Yaml.Data;

namespace Pipelines.GoTemplates.Tests;

/// <summary>Renders templates against helmfile-shaped data built from YAML, with an in-memory environment.</summary>
internal static class TemplateKit
{
    public const string TemplateFile = "helmfile.yaml.gotmpl";

    /// <summary>The root helmfile passes: environment, values (also as StateValues) and the release.</summary>
    public static Dictionary<string, object?> Root(string valuesYaml = "{}")
    {
        var values = YamlData.ParseMapping(valuesYaml, "values.yaml");
        return new Dictionary<string, object?>
        {
            ["Environment"] = new Dictionary<string, object?>
            {
                ["Name"] = "stage",
                ["KubeContext"] = "",
                ["Values"] = values,
            },
            ["Values"] = values,
            ["StateValues"] = values,
            ["Release"] = new Dictionary<string, object?>
            {
                ["Name"] = "api",
                ["Namespace"] = "backend",
                ["Labels"] = new Dictionary<string, object?> { ["tier"] = "web" },
            },
        };
    }

    public static TemplateContext Context(params (string Name, string Value)[] environment)
    {
        var variables = environment.ToDictionary(e => e.Name, e => e.Value);
        return new TemplateContext(name => variables.GetValueOrDefault(name))
        {
            Exec = TestProcesses.Run,
        };
    }

    public static string Render(
        string template,
        string valuesYaml = "{}",
        params (string, string)[] environment
    ) => GoTemplate.Parse(template, TemplateFile).Render(Root(valuesYaml), Context(environment));

    public static string RenderData(string template, object? data) =>
        GoTemplate.Parse(template, TemplateFile).Render(data, Context());

    public static SourceLocatedException RenderError(
        string template,
        string valuesYaml = "{}",
        params (string, string)[] environment
    )
    {
        var parsed = GoTemplate.Parse(template, TemplateFile);
        return Assert.Throws<SourceLocatedException>(() =>
            parsed.Render(Root(valuesYaml), Context(environment))
        );
    }

    public static SourceLocatedException ParseError(string template) =>
        Assert.Throws<SourceLocatedException>(() => GoTemplate.Parse(template, TemplateFile));
}
