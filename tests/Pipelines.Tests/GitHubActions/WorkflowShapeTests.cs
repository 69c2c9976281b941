using System.Text.RegularExpressions;
using Pipelines.Clusters;
using Pipelines.Engine;
using Pipelines.TestServers;

namespace Pipelines.Tests.GitHubActions;

/// <summary>The generated workflows read back as YAML: job graphs, matrices, permissions and hardening.</summary>
public sealed partial class WorkflowShapeTests
{
    private static readonly IReadOnlyDictionary<string, ParsedWorkflow> Workflows =
        GeneratedWorkflows.Parsed();

    private static IReadOnlyList<ClusterDefinition> LiveClusters(string? environment = null) =>
        ClustersFile
            .Load(GeneratedWorkflows.ClustersFile, AbsolutePath.Create(RepositoryRoot.Path))
            .Where(c => c.IsLive && (environment is null || c.Environment == environment))
            .ToList();

    [Fact]
    public void The_job_graphs_are_ci_build_or_push_cd_render_then_test_stage_plan_prod_and_review_render_then_comment()
    {
        // Arrange
        static Dictionary<string, string[]> Graph(ParsedWorkflow w) =>
            w.JobIds.ToDictionary(j => j, j => w.Needs(j).ToArray());

        // Act
        var ci = Graph(Workflows["ci.yml"]);
        var cd = Graph(Workflows["cd.yml"]);
        var review = Graph(Workflows["review.yml"]);
        var drift = Graph(Workflows["drift.yml"]);

        // Assert
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["build-image"] = [],
                ["push-image"] = [],
                ["bump-k8s-config"] = ["push-image"],
            },
            ci
        );
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["off-default-branch"] = [],
                ["render"] = [],
                ["sync-test"] = ["render"],
                ["sync-stage"] = ["sync-test"],
                ["plan-prod"] = ["sync-stage"],
                ["sync-prod"] = ["sync-stage", "plan-prod"],
            },
            cd
        );
        Assert.Equal(
            new Dictionary<string, string[]> { ["render"] = [], ["comment"] = ["render"] },
            review
        );
        Assert.Equal(["off-default-branch", "drift"], drift.Keys);
        Assert.Equal(["off-default-branch", "lifecycle"], Workflows["provision.yml"].JobIds);
    }

    [Fact]
    public void The_pull_request_job_only_builds_and_main_pushes_then_bumps_with_the_pushed_reference()
    {
        // Arrange
        var ci = Workflows["ci.yml"];

        // Act
        var build = ci.Job("build-image");
        var push = ci.Job("push-image");
        var outputs = ParsedWorkflow.Map(push, "outputs");

        // Assert
        Assert.Equal("github.event_name == 'pull_request'", ParsedWorkflow.Get(build, "if"));
        Assert.Equal("github.event_name == 'push'", ParsedWorkflow.Get(push, "if"));
        Assert.Contains(
            ci.Steps("build-image"),
            s =>
                ParsedWorkflow.Get(s, "run")
                == "./build.sh BuildImage --app web --build-arg BASE_IMAGE=docker.io/library/busybox:1.37@sha256:9db7b59979c38555a39def84a31fb98b5296952f9e3afd4f6f11f05b07adfab0"
        );
        Assert.Equal("${{ steps.push.outputs.digest }}", ParsedWorkflow.Get(outputs, "digest"));
        Assert.Equal(
            "${{ steps.push.outputs.reference }}",
            ParsedWorkflow.Get(outputs, "reference")
        );
        var bump = Assert.Single(
            ci.Steps("bump-k8s-config"),
            s => ParsedWorkflow.Get(s, "run") is not null
        );
        Assert.Equal(
            "./build.sh BumpK8sConfig --app web --env test --also-env stage prod",
            ParsedWorkflow.Get(bump, "run")
        );
        Assert.Equal(
            "${{ needs.push-image.outputs.reference }}",
            ParsedWorkflow.Get(ParsedWorkflow.Map(bump, "env"), "PIPELINES_IMAGE")
        );
        Assert.Contains(
            ci.Steps("push-image"),
            s =>
                ParsedWorkflow.Get(s, "id") == "push"
                && ParsedWorkflow.Get(s, "run")
                    == "./build.sh PushImage --app web --build-arg BASE_IMAGE=docker.io/library/busybox:1.37@sha256:9db7b59979c38555a39def84a31fb98b5296952f9e3afd4f6f11f05b07adfab0"
        );
    }

    [Theory]
    [InlineData("test")]
    [InlineData("stage")]
    [InlineData("prod")]
    public void Each_sync_job_has_a_leg_per_live_cluster_of_its_environment(string environment)
    {
        // Act
        var rows = Workflows["cd.yml"].MatrixRows($"sync-{environment}");

        // Assert
        Assert.Equal(LiveClusters(environment).Select(c => c.Name), rows.Select(r => r["cluster"]));
        Assert.All(rows, r => Assert.Equal(environment, r["env"]));
        Assert.Equal(
            LiveClusters(environment).Select(c => c.Region),
            rows.Select(r => r["region"])
        );
    }

    [Theory]
    [InlineData("review.yml", "render")]
    [InlineData("drift.yml", "drift")]
    public void Review_and_drift_have_a_leg_per_live_cluster_of_every_environment(
        string file,
        string job
    )
    {
        // Act
        var rows = Workflows[file].MatrixRows(job);

        // Assert
        Assert.Equal(
            LiveClusters().Select(c => (c.Environment, c.Name)),
            rows.Select(r => (r["env"], r["cluster"]))
        );
    }

    [Fact]
    public void Prod_syncs_behind_its_environment_one_per_cluster_and_is_never_cancelled()
    {
        // Arrange
        var cd = Workflows["cd.yml"];

        // Act
        var prod = cd.Job("sync-prod");
        var concurrency = ParsedWorkflow.Map(prod, "concurrency");

        // Assert
        Assert.Equal("prod", ParsedWorkflow.Get(ParsedWorkflow.Map(prod, "environment"), "name"));
        Assert.Equal("sync-${{ matrix.cluster }}", ParsedWorkflow.Get(concurrency, "group"));
        Assert.Equal("false", ParsedWorkflow.Get(concurrency, "cancel-in-progress"));
        Assert.Contains(
            cd.Steps("sync-prod"),
            s => ParsedWorkflow.Get(s, "run") == "./build.sh Sync --env prod --prune"
        );
    }

    [Fact]
    public void Every_workflow_reads_contents_only_and_jobs_widen_just_what_they_use()
    {
        // Arrange
        var expected = new Dictionary<(string, string), Dictionary<string, string>>
        {
            [("ci.yml", "push-image")] = new() { ["contents"] = "read", ["id-token"] = "write" },
            [("cd.yml", "sync-test")] = new() { ["contents"] = "read", ["id-token"] = "write" },
            [("cd.yml", "sync-stage")] = new() { ["contents"] = "read", ["id-token"] = "write" },
            [("cd.yml", "plan-prod")] = new() { ["contents"] = "read", ["id-token"] = "write" },
            [("cd.yml", "sync-prod")] = new() { ["contents"] = "read", ["id-token"] = "write" },
            [("drift.yml", "drift")] = new() { ["contents"] = "read", ["id-token"] = "write" },
            [("review.yml", "comment")] = new()
            {
                ["contents"] = "read",
                ["pull-requests"] = "write",
            },
            [("provision.yml", "lifecycle")] = new()
            {
                ["contents"] = "read",
                ["id-token"] = "write",
            },
        };

        // Act
        var workflowLevel = Workflows.Values.Select(w => w.Permissions(w.Root)).ToList();
        var jobLevel = Workflows
            .Values.SelectMany(w => w.JobIds.Select(j => (w, j)))
            .Where(x => x.w.Permissions(x.w.Job(x.j)).Count > 0)
            .ToDictionary(x => (x.w.FileName, x.j), x => x.w.Permissions(x.w.Job(x.j)));

        // Assert
        Assert.All(
            workflowLevel,
            p => Assert.Equal(new Dictionary<string, string> { ["contents"] = "read" }, p)
        );
        Assert.Equal(expected.Keys.Order(), jobLevel.Keys.Order());
        Assert.All(expected, e => Assert.Equal(e.Value, jobLevel[e.Key]));
    }

    [Fact]
    public void Id_token_write_goes_only_with_configure_aws_credentials()
    {
        // Act
        var jobs = Workflows.Values.SelectMany(w =>
            w.JobIds.Select(j =>
                (
                    IdToken: w.Permissions(w.Job(j)).GetValueOrDefault("id-token") == "write",
                    Aws: w.Steps(j)
                        .Any(s =>
                            (ParsedWorkflow.Get(s, "uses") ?? "").StartsWith(
                                "aws-actions/configure-aws-credentials@",
                                StringComparison.Ordinal
                            )
                        )
                )
            )
        );

        // Assert
        Assert.All(jobs, j => Assert.Equal(j.Aws, j.IdToken));
    }

    [Fact]
    public void No_run_script_contains_an_expression()
    {
        // Act
        var scripts = Workflows
            .Values.SelectMany(w => w.AllSteps)
            .Select(s => ParsedWorkflow.Get(s, "run"))
            .OfType<string>()
            .ToList();

        // Assert
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.DoesNotContain("${{", s));
    }

    [Fact]
    public void Every_action_is_pinned_to_a_full_commit_sha_with_its_version_beside_it()
    {
        // Arrange
        var texts = GeneratedWorkflows.Generate().Where(f => f.RelativePath.EndsWith(".yml"));

        // Act
        var uses = texts
            .SelectMany(f => f.Content.Split('\n'))
            .Where(l => l.TrimStart().StartsWith("uses:", StringComparison.Ordinal))
            .ToList();

        // Assert
        Assert.NotEmpty(uses);
        Assert.All(uses, l => Assert.Matches(PinnedUse(), l));
    }

    [Fact]
    public void No_workflow_uses_pull_request_target_and_on_is_quoted_for_yaml_1_1_readers()
    {
        // Act
        var texts = GeneratedWorkflows
            .Generate()
            .Where(f => f.RelativePath.EndsWith(".yml"))
            .ToList();

        // Assert
        Assert.All(texts, f => Assert.DoesNotContain("pull_request_target", f.Content));
        Assert.All(texts, f => Assert.Contains("\n'on':\n", f.Content));
        Assert.Contains(
            "- cron: '17 */6 * * *'\n",
            texts.Single(f => f.RelativePath.EndsWith("drift.yml")).Content
        );
    }

    [GeneratedRegex(@"^\s+uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")]
    private static partial Regex PinnedUse();

    [Fact]
    public void Provision_runs_the_chosen_lifecycle_target_for_the_chosen_environment_behind_its_protection()
    {
        // Arrange
        var provision = Workflows["provision.yml"];
        var inputs = ParsedWorkflow.Map(
            ParsedWorkflow.Map(ParsedWorkflow.Map(provision.Root, "on"), "workflow_dispatch"),
            "inputs"
        );
        static IReadOnlyList<string> Options(
            YamlDotNet.RepresentationModel.YamlMappingNode input
        ) =>
            ((YamlDotNet.RepresentationModel.YamlSequenceNode)input["options"])
                .Children.Select(ParsedWorkflow.Text)
                .ToList();

        // Act
        var job = provision.Job("lifecycle");
        var runs = provision
            .Steps("lifecycle")
            .Where(s => ParsedWorkflow.Get(s, "run") is not null)
            .ToList();
        var step = runs[0];
        var env = ParsedWorkflow.Map(step, "env");

        // Assert
        Assert.Equal(
            ["ProvisionCluster", "MigrateApp", "ClusterStatus", "RetireCluster"],
            Options(ParsedWorkflow.Map(inputs, "action"))
        );
        Assert.Equal(
            LiveClusters().Select(c => c.Environment).Distinct(),
            Options(ParsedWorkflow.Map(inputs, "env"))
        );
        Assert.Equal(
            "string",
            ParsedWorkflow.Get(ParsedWorkflow.Map(inputs, "kube-version"), "type")
        );
        Assert.Equal(
            "${{ inputs.env }}-lifecycle",
            ParsedWorkflow.Get(ParsedWorkflow.Map(job, "environment"), "name")
        );
        Assert.Equal("./build.sh", ParsedWorkflow.Get(step, "run"));
        Assert.Equal("${{ inputs.action }}", ParsedWorkflow.Get(env, "PIPELINES_TARGET"));
        Assert.Equal(
            "${{ inputs.kube-version }}",
            ParsedWorkflow.Get(env, "PIPELINES_KUBE_VERSION")
        );
        // What the target changed is kept: committed with the workflows regenerated (a PR for prod). RetireCluster
        // publishes itself, before it deletes the cluster.
        Assert.Equal(
            ["./build.sh", "./build.sh PublishChanges"],
            runs.Select(s => ParsedWorkflow.Get(s, "run"))
        );
        Assert.Equal(
            "${{ inputs.env }}",
            ParsedWorkflow.Get(ParsedWorkflow.Map(runs[1], "env"), "PIPELINES_ENV")
        );
        Assert.Equal("inputs.action != 'RetireCluster'", ParsedWorkflow.Get(runs[1], "if"));
    }
}
