using System.Text;
using Pipelines.GoTemplates;
using Pipelines.Helmfile;
using Pipelines.Tests.Charts;
using Pipelines.TestServers;
using Pipelines.Yaml.Data;

namespace Pipelines.Tests.Helmfile.TemplateOracle;

/// <summary>
/// Real helm as the judge of Go's text/template and sprig: each case becomes a named template in a one-file chart,
/// and both helm and the engine render <c>include "cNNN" . | b64enc</c> into a ConfigMap, so any text (even text
/// that is not valid YAML) comes back byte for byte and the two results compare case by case.
/// </summary>
internal static class HelmOracle
{
    /// <summary>Each case's output from helm and from the engine, in case order.</summary>
    public static async Task<IReadOnlyList<(string Case, string Helm, string Engine)>> CompareAsync(
        IReadOnlyList<string> cases
    )
    {
        var template = Template(cases);
        using var chart = new TemporaryFolder();
        File.WriteAllText(
            Path.Combine(chart.Path, "Chart.yaml"),
            "apiVersion: v2\nname: oracle\nversion: 0.1.0\n"
        );
        Directory.CreateDirectory(Path.Combine(chart.Path, "templates"));
        File.WriteAllText(Path.Combine(chart.Path, "templates", "oracle.yaml"), template);

        var helm = (await TestHelm.RunAsync("template", "rel", chart.Path)).StandardOutput;
        var engine = GoTemplate
            .Parse(template, "oracle.yaml")
            .Render(new Dictionary<string, object?>(), HelmfileTemplates.Context(_ => null));

        var fromHelm = Outputs(helm, "helm");
        var fromEngine = Outputs(engine, "engine");
        return cases.Select((c, i) => (c, fromHelm[Key(i)], fromEngine[Key(i)])).ToList();
    }

    private static string Key(int index) => $"c{index:D3}";

    private static string Template(IReadOnlyList<string> cases)
    {
        var text = new StringBuilder();
        for (var i = 0; i < cases.Count; i++)
        {
            text.Append($"{{{{- define \"{Key(i)}\" }}}}{cases[i]}{{{{ end }}}}\n");
        }
        text.Append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: oracle\ndata:\n");
        for (var i = 0; i < cases.Count; i++)
        {
            text.Append($"  {Key(i)}: {{{{ include \"{Key(i)}\" . | b64enc | quote }}}}\n");
        }
        return text.ToString();
    }

    private static Dictionary<string, string> Outputs(string yaml, string source)
    {
        var document = YamlData
            .ParseDocuments(yaml, source)
            .OfType<Dictionary<string, object?>>()
            .Single();
        var data = (Dictionary<string, object?>)document["data"]!;
        return data.ToDictionary(
            p => p.Key,
            p => Encoding.UTF8.GetString(Convert.FromBase64String((string)p.Value!))
        );
    }
}
