namespace Pipelines.Tests.Helmfile.TemplateOracle;

/// <summary>
/// The engine against real helm, which renders chart templates with Go's text/template and sprig. Cases avoid
/// what helm does differently from helmfile on purpose (missing values print as "" in helm, helm's own toYaml,
/// fromJson and get), and what differs on every run (random values, the clock).
/// </summary>
public class OracleTests
{
    [Fact]
    public async Task Printing_and_control_structures_render_as_helm_renders_them()
    {
        await AssertSameAsHelmAsync(OracleCases.Language);
    }

    [Fact]
    public async Task Sprig_functions_render_as_helm_renders_them()
    {
        await AssertSameAsHelmAsync(OracleCases.Sprig);
    }

    [Fact]
    public async Task Date_functions_on_fixed_times_render_as_helm_renders_them()
    {
        await AssertSameAsHelmAsync(OracleCases.Dates);
    }

    [Fact]
    public async Task Semver_and_url_functions_render_as_helm_renders_them()
    {
        await AssertSameAsHelmAsync(OracleCases.SemverAndUrls);
    }

    [Fact]
    public async Task Printing_of_numbers_lists_and_verbs_renders_as_helm_renders_it()
    {
        await AssertSameAsHelmAsync(OracleCases.Printing);
    }

    private static async Task AssertSameAsHelmAsync(IReadOnlyList<string> cases)
    {
        // Arrange: the cases

        // Act
        var results = await HelmOracle.CompareAsync(cases);

        // Assert
        var differences = results
            .Where(r => r.Helm != r.Engine)
            .Select(r => $"{r.Case}\n  helm:   {Show(r.Helm)}\n  engine: {Show(r.Engine)}")
            .ToList();
        Assert.True(
            differences.Count == 0,
            $"{differences.Count} of {results.Count} cases differ from helm:\n"
                + string.Join("\n", differences)
        );
    }

    private static string Show(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\t", "\\t") + "\"";
}
