using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.GitHubActions.Generation;
using Pipelines.GitHubActions.Model;

namespace Pipelines.Tests.GitHubActions;

public sealed class WorkflowCompilerTests
{
    private static RunStep Compiled(BuildStep step) =>
        (RunStep)
            WorkflowCompiler
                .Compile(CompilerTestBuild.With(step), CompilerTestBuild.Catalog())
                .Jobs[0]
                .Steps[0];

    [Fact]
    public void Literal_values_become_arguments_and_expressions_go_through_pipelines_variables()
    {
        // Arrange
        var step = new BuildStep("deploy")
        {
            Parameters =
            [
                new("Env", "stage"),
                new("Tags", ["a b", "c"]),
                BuildArgument.Flag("Check"),
                new("Token", Expr.Secret("TOKEN")),
            ],
        };

        // Act
        var run = Compiled(step);

        // Assert
        Assert.Equal("./build.sh Deploy --env stage --tags 'a b' c --check", run.Script);
        Assert.Equal([new EnvironmentVariable("PIPELINES_TOKEN", "${{ secrets.TOKEN }}")], run.Env);
        Assert.Equal("deploy", run.Name);
    }

    [Fact]
    public void A_list_of_expressions_is_passed_comma_separated_as_the_engine_splits_it()
    {
        // Act
        var run = Compiled(
            new BuildStep("Render")
            {
                Parameters =
                [
                    new("Tags", [Expr.Matrix("a"), "fixed"]),
                    new("Env", Expr.Input("env")),
                ],
            }
        );

        // Assert
        Assert.Equal("./build.sh Render", run.Script);
        Assert.Equal(
            [
                new EnvironmentVariable("PIPELINES_TAGS", "${{ matrix.a }},fixed"),
                new EnvironmentVariable("PIPELINES_ENV", "${{ inputs.env }}"),
            ],
            run.Env
        );
    }

    [Fact]
    public void Accepted_exit_codes_other_than_zero_keep_the_step_green_and_fail_on_the_rest()
    {
        // Act
        var run = Compiled(new BuildStep("Render") { AcceptedExitCodes = [0, 2] });

        // Assert
        Assert.Equal(
            "status=0\n./build.sh Render || status=$?\nif [ \"$status\" -ne 0 ] && [ \"$status\" -ne 2 ]; then exit \"$status\"; fi\n",
            run.Script
        );
    }

    [Fact]
    public void An_unknown_target_is_an_error_naming_the_file_job_step_and_the_closest_target()
    {
        // Act
        var error = Assert.ThrowsAny<UsageException>(() => Compiled(new BuildStep("Deplyo")));

        // Assert
        Assert.Equal(
            "Unknown target 'Deplyo' in test.yml, job job, step 1. Did you mean 'Deploy'? Available targets: Render, Deploy. Run ./build.sh --help for what each does.",
            error.Message
        );
    }

    [Fact]
    public void An_unknown_parameter_is_an_error_with_a_suggestion()
    {
        // Act
        var error = Assert.Throws<BuildDefinitionException>(() =>
            Compiled(new BuildStep("Render") { Parameters = [new("Chek", "true")] })
        );

        // Assert
        Assert.StartsWith(
            "Unknown parameter 'Chek' in test.yml, job job, step 1. Did you mean 'Check'?",
            error.Message
        );
    }

    [Fact]
    public void A_secret_given_as_a_literal_is_refused()
    {
        // Act
        var error = Assert.Throws<BuildDefinitionException>(() =>
            Compiled(new BuildStep("Render") { Parameters = [new("Token", "ghp_literal")] })
        );

        // Assert
        Assert.Contains("--token is a [Secret] parameter", error.Message);
        Assert.DoesNotContain("ghp_literal", error.Message);
    }

    [Fact]
    public void A_target_chosen_by_an_input_needs_a_choice_input_whose_options_are_all_targets()
    {
        // Arrange
        var workflow = CompilerTestBuild.With(new BuildStep { TargetInput = "action" }) with
        {
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
                            Options = ["Render", "Destroy"],
                        },
                    ],
                },
            },
        };

        // Act
        var error = Assert.ThrowsAny<UsageException>(() =>
            WorkflowCompiler.Compile(workflow, CompilerTestBuild.Catalog())
        );

        // Assert
        Assert.StartsWith(
            "Unknown target 'Destroy' in test.yml, job job, step 1 (a choice of input 'action').",
            error.Message
        );
    }

    [Fact]
    public void A_target_chosen_by_an_input_is_passed_as_pipelines_target()
    {
        // Arrange
        var workflow = CompilerTestBuild.With(
            new BuildStep { TargetInput = "action", Name = "Run" }
        ) with
        {
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
                            Options = ["Render", "Deploy"],
                        },
                    ],
                },
            },
        };

        // Act
        var run = (RunStep)
            WorkflowCompiler.Compile(workflow, CompilerTestBuild.Catalog()).Jobs[0].Steps[0];

        // Assert
        Assert.Equal("./build.sh", run.Script);
        Assert.Equal(
            [new EnvironmentVariable("PIPELINES_TARGET", "${{ inputs.action }}")],
            run.Env
        );
    }
}
