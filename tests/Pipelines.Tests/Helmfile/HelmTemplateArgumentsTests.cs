using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.State;
using Pipelines.Tests.Charts;
using Pipelines.Yaml.Data;

namespace Pipelines.Tests.Helmfile;

/// <summary>
/// What reaches helm's command line: flags, then "--", then the release and the chart; never a set entry's value,
/// which goes through a values file typed as helm types --set.
/// </summary>
public sealed class HelmTemplateArgumentsTests
{
    private static readonly ReleaseSpec Release = new()
    {
        Name = "-web",
        Namespace = "web",
        Chart = "../charts/app",
        DeclaredIn = "helmfile/helmfile.yaml",
        Set =
        [
            new SetValue("config.TOKEN", "tok-5Rt8wLm3Qa", null),
            new SetValue("replicas", 3, null),
        ],
    };

    [Fact]
    public void The_release_and_chart_come_after_a_double_dash_and_no_set_value_is_an_argument()
    {
        // Arrange
        var chart = new ChartReference("-chart", null, null);

        // Act
        var command = HelmTemplateCommand.Create(
            "helm",
            new HelmHome(AbsolutePath.Create("/tmp/helm-home")),
            Release,
            chart,
            "1.33",
            ["batch/v1"],
            ["/tmp/values-00.yaml", "/tmp/values-set.yaml"],
            ["--skip-schema-validation"]
        );

        // Assert
        Assert.Equal(["--", "-web", "-chart"], command.Arguments.TakeLast(3));
        Assert.Equal(1, command.Arguments.Count(a => a == "--"));
        Assert.Contains("--skip-schema-validation", command.Arguments.SkipLast(3));
        Assert.DoesNotContain("--set", command.Arguments);
        Assert.DoesNotContain(command.Arguments, a => a.Contains("tok-5Rt8wLm3Qa"));
    }

    [Fact]
    public void Set_entries_become_values_typed_as_helm_types_set()
    {
        // Arrange
        SetValue[] sets =
        [
            new("image.tag", "007", null),
            new("replicas", 3, null),
            new("debug", "true", null),
            new("nothing", null, null),
            new("zero", "0", null),
            new("negative", "-5", null),
            new("annotations.example\\.com/team", "sre", null),
            new("hosts[1].name", "b.example", null),
            new("hosts[0].name", "a.example", null),
            new("ports", null, ["80", "443", "x"]),
            new("replicas", "4", null),
        ];

        // Act
        var values = SetValues.ToValues(sets, "web", "helmfile/helmfile.yaml");

        // Assert
        Assert.Equal(
            """
            annotations:
              example.com/team: sre
            debug: true
            hosts:
            - name: a.example
            - name: b.example
            image:
              tag: "007"
            negative: -5
            nothing: null
            ports:
            - 80
            - 443
            - x
            replicas: 4
            zero: 0

            """.ReplaceLineEndings("\n"),
            YamlData.ToYaml(values)
        );
    }

    [Theory]
    [InlineData("[0]")]
    [InlineData("hosts[x].name")]
    [InlineData("hosts[0")]
    public void A_set_name_that_is_not_a_value_path_names_the_release_and_the_fix(string name)
    {
        // Act
        var error = Assert.Throws<SourceLocatedException>(() =>
            SetValues.ToValues([new SetValue(name, "v", null)], "web", "helmfile/helmfile.yaml")
        );

        // Assert
        Assert.Contains("helmfile/helmfile.yaml: release 'web'", error.Message);
        Assert.Contains($"set name '{name}'", error.Message);
    }
}
