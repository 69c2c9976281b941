using Pipelines.Engine;
using Pipelines.GitHubActions.Generation;
using Pipelines.GitHubActions.Model;

namespace Pipelines.Tests.GitHubActions;

public sealed class WorkflowPolicyTests
{
    private static BuildDefinitionException Refused(Workflow workflow) =>
        Assert.Throws<BuildDefinitionException>(() =>
            WorkflowCompiler.Compile(workflow, CompilerTestBuild.Catalog())
        );

    [Fact]
    public void An_expression_inside_a_run_script_is_refused_with_the_fix()
    {
        // Arrange
        var workflow = CompilerTestBuild.With(
            new RunStep("echo \"${{ github.event.pull_request.title }}\"") { Name = "Greet" }
        );

        // Act
        var error = Refused(workflow);

        // Assert
        Assert.Equal(
            "test.yml, job job, step 1 ('Greet'): run: holds an expression (${{ github.event.pull_request.title }}). "
                + "Pass it through env: and read the variable in the script.",
            error.Message
        );
    }

    [Fact]
    public void Write_access_at_workflow_level_is_refused()
    {
        // Arrange
        var workflow = CompilerTestBuild.With(new BuildStep("Render")) with
        {
            Permissions = Permissions.ReadContentsAndWrite(Scope.PullRequests),
        };

        // Act
        var error = Refused(workflow);

        // Assert
        Assert.Contains("workflow-level permissions grant write", error.Message);
    }

    [Fact]
    public void Aws_credentials_without_id_token_write_are_refused()
    {
        // Act
        var error = Refused(CompilerTestBuild.With(SetupSteps.AwsCredentials("eu-west-1")));

        // Assert
        Assert.Equal(
            "test.yml, job job: configure-aws-credentials through OIDC needs 'id-token: write' on this job.",
            error.Message
        );
    }

    [Fact]
    public void Id_token_write_on_a_job_without_aws_credentials_is_refused()
    {
        // Arrange
        var workflow = CompilerTestBuild.With(new BuildStep("Render"));
        workflow = workflow with
        {
            Jobs =
            [
                workflow.Jobs[0] with
                {
                    Permissions = Permissions.ReadContentsAndWrite(Scope.IdToken),
                },
            ],
        };

        // Act
        var error = Refused(workflow);

        // Assert
        Assert.Contains(
            "'id-token: write' is only for jobs that take AWS credentials",
            error.Message
        );
    }

    [Fact]
    public void Oidc_credentials_outside_a_github_environment_are_refused_and_inside_one_accepted()
    {
        // Arrange
        var workflow = CompilerTestBuild.With(SetupSteps.AwsCredentials("eu-west-1"));
        var job = workflow.Jobs[0] with
        {
            Permissions = Permissions.ReadContentsAndWrite(Scope.IdToken),
        };

        // Act
        var error = Refused(workflow with { Jobs = [job] });
        var compiled = WorkflowCompiler.Compile(
            workflow with
            {
                Jobs = [job with { Environment = new("prod") }],
            },
            CompilerTestBuild.Catalog()
        );

        // Assert
        Assert.StartsWith(
            "test.yml, job job: takes OIDC credentials outside a GitHub environment.",
            error.Message
        );
        Assert.Contains("sub repo:<owner>/<repo>:environment:<name>", error.Message);
        Assert.Equal("prod", compiled.Jobs[0].Environment!.Name);
    }

    [Fact]
    public void Needing_a_job_that_is_not_declared_before_is_refused()
    {
        // Arrange
        var workflow = CompilerTestBuild.With(new BuildStep("Render"));
        workflow = workflow with { Jobs = [workflow.Jobs[0] with { Needs = ["later"] }] };

        // Act
        var error = Refused(workflow);

        // Assert
        Assert.StartsWith(
            "test.yml, job job: needs 'later', which is not a job declared before it.",
            error.Message
        );
    }

    [Fact]
    public void A_job_output_reading_a_step_without_that_id_is_refused()
    {
        // Arrange
        var workflow = CompilerTestBuild.With(new BuildStep("Render") { Id = "render" });
        workflow = workflow with
        {
            Jobs =
            [
                workflow.Jobs[0] with
                {
                    Outputs = [new("digest", Expr.StepOutput("push", "digest"))],
                },
            ],
        };

        // Act
        var error = Refused(workflow);

        // Assert
        Assert.Equal(
            "test.yml, job job: output 'digest' reads step 'push', which no step of the job has as id.",
            error.Message
        );
    }

    [Fact]
    public void An_action_not_pinned_to_a_full_sha_cannot_be_declared()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() =>
            new ActionReference("actions/checkout", "v4", "v4")
        );

        // Assert
        Assert.StartsWith(
            "Action actions/checkout must be pinned to a full 40-hex commit SHA, not 'v4'.",
            error.Message
        );
    }
}
