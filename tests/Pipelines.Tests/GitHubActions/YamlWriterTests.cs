using Pipelines.GitHubActions.Model;
using Pipelines.GitHubActions.Writing;
using YamlDotNet.RepresentationModel;

namespace Pipelines.Tests.GitHubActions;

public sealed class YamlWriterTests
{
    private static string Written(string value) =>
        YamlWriter.Write(YamlMapping.Of(("key", new YamlScalar(value))), []);

    [Theory]
    [InlineData("on", "key: 'on'\n")]
    [InlineData("yes", "key: 'yes'\n")]
    [InlineData("No", "key: 'No'\n")]
    [InlineData("null", "key: 'null'\n")]
    [InlineData("~", "key: '~'\n")]
    [InlineData("1.33", "key: '1.33'\n")]
    [InlineData("0755", "key: '0755'\n")]
    [InlineData("1:30", "key: '1:30'\n")]
    [InlineData("2026-11-30", "key: '2026-11-30'\n")]
    [InlineData("", "key: ''\n")]
    [InlineData("0 6 * * *", "key: '0 6 * * *'\n")]
    [InlineData("*alias", "key: '*alias'\n")]
    [InlineData("!cancelled() && x", "key: '!cancelled() && x'\n")]
    [InlineData("a: b", "key: 'a: b'\n")]
    [InlineData("it's", "key: it's\n")]
    [InlineData("samples/**", "key: samples/**\n")]
    [InlineData("${{ matrix.cluster }}", "key: ${{ matrix.cluster }}\n")]
    [InlineData("github.event_name == 'push'", "key: github.event_name == 'push'\n")]
    [InlineData("1.33-green", "key: 1.33-green\n")]
    public void Text_is_quoted_exactly_when_a_yaml_reader_could_take_it_for_something_else(
        string value,
        string expected
    )
    {
        // Act
        var yaml = Written(value);

        // Assert
        Assert.Equal(expected, yaml);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        Assert.Equal(
            value,
            ((YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode)["key"]).Value
        );
    }

    [Fact]
    public void A_multi_line_script_is_a_literal_block_and_numbers_and_bools_stay_plain()
    {
        // Arrange
        var root = YamlMapping.Of(
            ("run", new YamlScalar("a\n\"$B\"\n")),
            ("timeout-minutes", YamlScalar.Number(20)),
            ("fail-fast", YamlScalar.Bool(false))
        );

        // Act
        var yaml = YamlWriter.Write(root, ["header"]);

        // Assert
        Assert.Equal(
            "# header\nrun: |\n  a\n  \"$B\"\ntimeout-minutes: 20\nfail-fast: false\n",
            yaml
        );
    }

    [Fact]
    public void Workflow_and_job_keys_come_in_githubs_conventional_order()
    {
        // Arrange: every key set, declared in an unusual order.
        var workflow = new Workflow
        {
            Jobs =
            [
                new()
                {
                    Steps =
                    [
                        new RunStep("true")
                        {
                            Env = [new("A", "1")],
                            Name = "s",
                            Id = "i",
                            If = "x",
                        },
                    ],
                    Env = [new("E", "1")],
                    Outputs = [new("o", "${{ steps.i.outputs.o }}")],
                    Strategy = new(new Matrix([new MatrixRow(("k", "v"))])),
                    TimeoutMinutes = 5,
                    Concurrency = new("g", false),
                    Permissions = Permissions.ReadContents,
                    Environment = new("prod", "https://example.org"),
                    RunsOn = "ubuntu-latest",
                    If = "true",
                    Needs = ["a"],
                    Name = "Job",
                    Id = "b",
                },
            ],
            Env = [new("W", "1")],
            Concurrency = new("w", true),
            On = new() { Schedules = ["0 1 * * *"] },
            Name = "Order",
            FileName = "order.yml",
        };

        // Act
        var yaml = WorkflowYaml.Write(workflow);

        // Assert
        var keys = yaml.Split('\n')
            .Where(l =>
                l.Length > 0
                && !l.StartsWith('#')
                && (l[0] != ' ' || (l.StartsWith("    ") && l[4] != ' ' && l[4] != '-'))
            )
            .Select(l => l.Trim().Split(':')[0])
            .ToList();
        Assert.Equal(
            [
                "name",
                "'on'",
                "permissions",
                "concurrency",
                "env",
                "jobs",
                "name",
                "needs",
                "if",
                "runs-on",
                "environment",
                "permissions",
                "concurrency",
                "timeout-minutes",
                "strategy",
                "outputs",
                "env",
                "steps",
            ],
            keys
        );
        Assert.Contains(
            "      - name: s\n        id: i\n        if: x\n        env:\n          A: '1'\n        run: 'true'\n",
            yaml
        );
    }

    internal static Workflow DispatchWorkflow() =>
        new()
        {
            FileName = "dispatch.yml",
            Name = "Dispatch",
            On = new()
            {
                WorkflowDispatch = new()
                {
                    Inputs =
                    [
                        new()
                        {
                            Name = "action",
                            Description = "What to run",
                            Type = InputType.Choice,
                            Required = true,
                            Default = "ProvisionCluster",
                            Options = ["ProvisionCluster", "ClusterStatus"],
                        },
                        new()
                        {
                            Name = "kube-version",
                            Description = "major.minor",
                            Type = InputType.String,
                        },
                        new()
                        {
                            Name = "keep",
                            Description = "Keep the old one",
                            Type = InputType.Boolean,
                            Default = "false",
                        },
                        new()
                        {
                            Name = "target",
                            Description = "Deployment environment",
                            Type = InputType.Environment,
                        },
                    ],
                },
            },
            Jobs =
            [
                new()
                {
                    Id = "run",
                    Steps =
                    [
                        new RunStep("echo \"$VERSION\"")
                        {
                            Env = [new("VERSION", Expr.Input("kube-version"))],
                        },
                    ],
                },
            ],
        };

    [Fact]
    public void Dispatch_inputs_are_written_with_their_types_defaults_and_options()
    {
        // Act
        var yaml = WorkflowYaml.Write(DispatchWorkflow());

        // Assert
        Assert.Contains(
            """
            'on':
              workflow_dispatch:
                inputs:
                  action:
                    description: What to run
                    required: true
                    type: choice
                    default: ProvisionCluster
                    options:
                      - ProvisionCluster
                      - ClusterStatus
                  kube-version:
                    description: major.minor
                    required: false
                    type: string
                  keep:
                    description: Keep the old one
                    required: false
                    type: boolean
                    default: false
                  target:
                    description: Deployment environment
                    required: false
                    type: environment

            """,
            yaml
        );
    }
}
