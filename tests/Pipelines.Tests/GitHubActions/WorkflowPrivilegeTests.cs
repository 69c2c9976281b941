using Pipelines.GitHubActions.Generation;
using YamlDotNet.RepresentationModel;

namespace Pipelines.Tests.GitHubActions;

/// <summary>
/// Least privilege in the generated workflows, read back as YAML: which environment each credentialed job runs in,
/// which ref it runs from, which lock it takes, and who sees CONFIG_REPO_TOKEN.
/// </summary>
public sealed class WorkflowPrivilegeTests
{
    private const string OnMain = "github.ref == 'refs/heads/main'";

    private static readonly IReadOnlyDictionary<string, ParsedWorkflow> Workflows =
        GeneratedWorkflows.Parsed();

    private static IEnumerable<(ParsedWorkflow Workflow, string Job)> AllJobs =>
        Workflows.Values.SelectMany(w => w.JobIds.Select(j => (w, j)));

    private static string? EnvironmentOf(ParsedWorkflow workflow, string job) =>
        workflow.Job(job).Children.ContainsKey(new YamlScalarNode("environment"))
            ? ParsedWorkflow.Get(ParsedWorkflow.Map(workflow.Job(job), "environment"), "name")
            : null;

    private static bool TakesOidc(ParsedWorkflow workflow, string job) =>
        workflow.Permissions(workflow.Job(job)).GetValueOrDefault("id-token") == "write";

    [Fact]
    public void Every_job_that_takes_oidc_credentials_runs_in_its_own_github_environment()
    {
        // Act
        var environments = AllJobs
            .Where(x => TakesOidc(x.Workflow, x.Job))
            .ToDictionary(
                x => $"{x.Workflow.FileName}: {x.Job}",
                x => EnvironmentOf(x.Workflow, x.Job)
            );

        // Assert
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["ci.yml: push-image"] = "registry",
                ["cd.yml: sync-test"] = "test",
                ["cd.yml: sync-stage"] = "stage",
                ["cd.yml: plan-prod"] = "prod-read-only",
                ["cd.yml: sync-prod"] = "prod",
                ["drift.yml: drift"] = "${{ matrix.env }}-read-only",
                ["provision.yml: lifecycle"] = "${{ inputs.env }}-lifecycle",
            },
            environments
        );
    }

    [Fact]
    public void Drift_and_the_prod_plan_only_check_and_the_protected_prod_sync_waits_for_the_plan()
    {
        // Arrange
        var cd = Workflows["cd.yml"];
        var drift = Workflows["drift.yml"];

        // Act
        var plan = cd.Steps("plan-prod")
            .Single(s => ParsedWorkflow.Get(s, "run") is { } r && r.Contains("Sync"));
        var check = drift
            .Steps("drift")
            .Single(s => ParsedWorkflow.Get(s, "run") is { } r && r.Contains("Sync"));

        // Assert
        Assert.Equal(
            "status=0\n./build.sh Sync --env prod --check || status=$?\n"
                + "if [ \"$status\" -ne 0 ] && [ \"$status\" -ne 2 ]; then exit \"$status\"; fi\n",
            ParsedWorkflow.Get(plan, "run")
        );
        Assert.Equal(
            "${{ matrix.cluster }}",
            ParsedWorkflow.Get(ParsedWorkflow.Map(plan, "env"), "PIPELINES_CLUSTER")
        );
        Assert.Equal(
            cd.MatrixRows("sync-prod").Select(r => r["cluster"]),
            cd.MatrixRows("plan-prod").Select(r => r["cluster"])
        );
        Assert.Equal("./build.sh Sync --check", ParsedWorkflow.Get(check, "run"));
        Assert.Contains("plan-prod", cd.Needs("sync-prod"));
    }

    [Theory]
    [InlineData("cd.yml")]
    [InlineData("drift.yml")]
    [InlineData("provision.yml")]
    public void Syncs_and_the_lifecycle_run_only_from_main_and_a_dispatch_elsewhere_only_says_why(
        string file
    )
    {
        // Arrange
        var workflow = Workflows[file];

        // Act
        var guarded = workflow.JobIds.Where(j => j != BranchGuard.ExplainJobId).ToList();
        var explain = workflow.Job(BranchGuard.ExplainJobId);
        var explanation = Assert.Single(workflow.Steps(BranchGuard.ExplainJobId));

        // Assert
        Assert.NotEmpty(guarded);
        Assert.All(guarded, j => Assert.Equal(OnMain, ParsedWorkflow.Get(workflow.Job(j), "if")));
        Assert.Equal("github.ref != 'refs/heads/main'", ParsedWorkflow.Get(explain, "if"));
        Assert.Empty(workflow.Permissions(explain));
        Assert.Null(EnvironmentOf(workflow, BranchGuard.ExplainJobId));
        Assert.Contains(
            "only from refs/heads/main; this run is on $REF",
            ParsedWorkflow.Get(explanation, "run")
        );
        Assert.EndsWith("exit 1\n", ParsedWorkflow.Get(explanation, "run"));
    }

    [Fact]
    public void Cd_drift_and_provision_share_one_lock_per_cluster_and_nothing_that_syncs_or_bumps_is_cancelled()
    {
        // Act
        var locks = AllJobs
            .Where(x => x.Workflow.FileName is "cd.yml" or "drift.yml" or "provision.yml")
            .Where(x => TakesOidc(x.Workflow, x.Job))
            .Select(x => ParsedWorkflow.Map(x.Workflow.Job(x.Job), "concurrency"))
            .ToList();
        var cancelling = Workflows
            .Values.SelectMany(w =>
                w.JobIds.Select(j => w.Job(j)).Append(w.Root).Select(node => (w.FileName, node))
            )
            .Where(x => x.node.Children.ContainsKey(new YamlScalarNode("concurrency")))
            .Where(x =>
                ParsedWorkflow.Get(ParsedWorkflow.Map(x.node, "concurrency"), "cancel-in-progress")
                == "true"
            )
            .Select(x => x.FileName)
            .ToList();

        // Assert
        Assert.Equal(6, locks.Count);
        Assert.All(
            locks.SkipLast(1),
            l => Assert.Equal("sync-${{ matrix.cluster }}", ParsedWorkflow.Get(l, "group"))
        );
        Assert.Equal(
            "sync-${{ inputs.name || format('{0}-lifecycle', inputs.env) }}",
            ParsedWorkflow.Get(locks[^1], "group")
        );
        Assert.All(locks, l => Assert.Equal("false", ParsedWorkflow.Get(l, "cancel-in-progress")));
        // Only the review of a pull request, which changes nothing, gives way to a newer push.
        Assert.Equal(["review.yml"], cancelling);
    }

    [Fact]
    public void Config_repo_token_reaches_only_the_bumping_jobs_in_environments_of_their_own()
    {
        // Act
        var readers = AllJobs
            .Where(x =>
                x.Workflow.Steps(x.Job)
                    .Any(s =>
                        s.Children.ContainsKey(new YamlScalarNode("env"))
                        && ParsedWorkflow
                            .Map(s, "env")
                            .Children.Values.Any(v =>
                                ParsedWorkflow.Text(v).Contains("secrets.CONFIG_REPO_TOKEN")
                            )
                    )
            )
            .ToDictionary(
                x => $"{x.Workflow.FileName}: {x.Job}",
                x => EnvironmentOf(x.Workflow, x.Job)
            );

        // Assert
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["ci.yml: bump-k8s-config"] = "config-repo",
                ["provision.yml: lifecycle"] = "${{ inputs.env }}-lifecycle",
            },
            readers
        );
    }

    [Fact]
    public void Every_job_that_syncs_fetches_the_whole_history_for_the_rollback_guard()
    {
        // Act
        var depths = AllJobs
            .Where(x =>
                x.Workflow.Steps(x.Job)
                    .Any(s => ParsedWorkflow.Get(s, "run")?.Contains("./build.sh Sync") == true)
            )
            .Select(x =>
                ParsedWorkflow.Get(
                    ParsedWorkflow.Map(
                        x.Workflow.Steps(x.Job)
                            .First(s =>
                                ParsedWorkflow.Get(s, "uses")?.StartsWith("actions/checkout@")
                                == true
                            ),
                        "with"
                    ),
                    "fetch-depth"
                )
            )
            .ToList();

        // Assert
        Assert.Equal(5, depths.Count);
        Assert.All(depths, d => Assert.Equal("0", d));
    }

    [Fact]
    public void The_trust_policy_of_each_environment_names_exactly_its_subject()
    {
        // Arrange
        var document = GeneratedWorkflows
            .Generate()
            .Single(f => f.RelativePath == TrustPolicies.File)
            .Content;

        // Act
        var subjects = document
            .Split('\n')
            .Where(l => l.Contains("githubusercontent.com:sub", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(": ")[1].Trim('"'))
            .ToList();

        // Assert
        Assert.Equal(
            new[]
            {
                "prod",
                "prod-lifecycle",
                "prod-read-only",
                "registry",
                "stage",
                "stage-lifecycle",
                "stage-read-only",
                "test",
                "test-lifecycle",
                "test-read-only",
            }.Select(e => $"repo:<owner>/<repo>:environment:{e}"),
            subjects
        );
        Assert.Contains("| `prod-read-only` | cd.yml: plan-prod, drift.yml: drift |", document);
        Assert.Contains(
            "\"token.actions.githubusercontent.com:aud\": \"sts.amazonaws.com\"",
            document
        );
    }
}
