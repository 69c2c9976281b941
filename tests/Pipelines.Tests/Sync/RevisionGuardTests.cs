using Pipelines.Sync;
using Pipelines.Tests.ConfigRepo;
using Pipelines.Tests.Kubernetes;
using Pipelines.TestServers.Kubernetes;

namespace Pipelines.Tests.Sync;

/// <summary>Issue 13, item 9: never backwards by accident, checked with real git repositories.</summary>
public sealed class RevisionGuardTests
{
    [Fact]
    public async Task Sync_from_an_older_revision_is_refused_naming_both_and_allow_rollback()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        var root = harness.Workspace.Root.ToString();
        var older = await InitAsync(root);
        SetReplicas(harness, 2);
        var newer = await CommitAsync(root, "two replicas");
        await harness.SyncAsync(new SyncOptions { GitWorkTree = root });
        await Git(root, "checkout", "--quiet", older);

        // Act
        var refused = await harness.SyncAsync(new SyncOptions { GitWorkTree = root });
        var replicasAfterRefusal = Replicas(harness.Blue);
        var rolledBack = await harness.SyncAsync(
            new SyncOptions { GitWorkTree = root, AllowRollback = true }
        );

        // Assert
        Assert.All(
            refused,
            r =>
            {
                Assert.True(r.Failed);
                Assert.Contains(older, r.Error);
                Assert.Contains(newer, r.Error);
                Assert.Contains("backwards", r.Error);
                Assert.Contains("--allow-rollback", r.Error);
            }
        );
        Assert.Equal(2, replicasAfterRefusal);
        Assert.All(rolledBack, r => Assert.False(r.Failed, r.Error));
        Assert.Equal(1, Replicas(harness.Blue));
        Assert.Equal(older, Recorded(harness.Blue)["revision"]);
    }

    [Fact]
    public async Task Sync_from_an_unrelated_revision_is_refused()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        var root = harness.Workspace.Root.ToString();
        var synced = await InitAsync(root);
        await harness.SyncAsync(new SyncOptions { GitWorkTree = root });
        await Git(root, "checkout", "--quiet", "--orphan", "elsewhere");
        var unrelated = await CommitAsync(root, "a history of its own");

        // Act
        var reports = await harness.SyncAsync(new SyncOptions { GitWorkTree = root });

        // Assert
        var blue = SyncHarness.Of(reports, "test-1-34-blue");
        Assert.True(blue.Failed);
        Assert.Contains("unrelated", blue.Error);
        Assert.Contains(synced, blue.Error);
        Assert.Contains(unrelated, blue.Error);
        Assert.Contains("--allow-rollback", blue.Error);
    }

    [Fact]
    public async Task Sync_moves_forward_and_records_the_revision_and_a_dirty_tree()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        var root = harness.Workspace.Root.ToString();
        var first = await InitAsync(root);
        await harness.SyncAsync(new SyncOptions { GitWorkTree = root });
        var recordedFirst = Recorded(harness.Blue);
        SetReplicas(harness, 3);
        var second = await CommitAsync(root, "three replicas");

        // Act
        var forward = await harness.SyncAsync(new SyncOptions { GitWorkTree = root });
        var recordedSecond = Recorded(harness.Blue);
        SetReplicas(harness, 4);
        var dirty = await harness.SyncAsync(new SyncOptions { GitWorkTree = root });

        // Assert
        Assert.Equal((first, "false"), (recordedFirst["revision"], recordedFirst["dirty"]));
        Assert.All(forward, r => Assert.False(r.Failed, r.Error));
        Assert.Equal((second, "false"), (recordedSecond["revision"], recordedSecond["dirty"]));
        Assert.All(dirty, r => Assert.False(r.Failed, r.Error));
        Assert.Equal(
            (second, "true"),
            (Recorded(harness.Blue)["revision"], Recorded(harness.Blue)["dirty"])
        );
    }

    [Fact]
    public async Task A_shallow_checkout_fetches_the_recorded_revision_and_syncs_forward()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        var root = harness.Workspace.Root.ToString();
        await InitAsync(root);
        await CommitAsync(root, "second");
        await harness.SyncAsync(new SyncOptions { GitWorkTree = root });
        var head = await CommitAsync(root, "third");
        var shallow = await ShallowCloneAsync(root);

        // Act
        var reports = await harness.SyncAsync(new SyncOptions { GitWorkTree = shallow });

        // Assert
        Assert.All(reports, r => Assert.False(r.Failed, r.Error));
        Assert.Equal(head, Recorded(harness.Blue)["revision"]);
        Assert.Equal("false", await Git(shallow, "rev-parse", "--is-shallow-repository"));
    }

    [Fact]
    public async Task A_shallow_checkout_that_cannot_fetch_the_recorded_revision_refuses_and_says_why()
    {
        // Arrange
        await using var harness = await SyncHarness.StartAsync();
        var root = harness.Workspace.Root.ToString();
        await InitAsync(root);
        var synced = await CommitAsync(root, "second");
        await harness.SyncAsync(new SyncOptions { GitWorkTree = root });
        await CommitAsync(root, "third");
        var shallow = await ShallowCloneAsync(root);
        await Git(shallow, "remote", "set-url", "origin", "file:///nonexistent/config.git");

        // Act
        var refused = await harness.SyncAsync(new SyncOptions { GitWorkTree = shallow });
        var allowed = await harness.SyncAsync(
            new SyncOptions { GitWorkTree = shallow, AllowRollback = true }
        );

        // Assert
        var blue = SyncHarness.Of(refused, "test-1-34-blue");
        Assert.True(blue.Failed);
        Assert.Contains(synced, blue.Error);
        Assert.Contains("git fetch", blue.Error);
        Assert.Contains("fetch-depth: 0", blue.Error);
        Assert.Contains("--allow-rollback", blue.Error);
        Assert.All(allowed, r => Assert.False(r.Failed, r.Error));
    }

    /// <summary>Makes the harness's workspace a git repository with one commit; returns its sha.</summary>
    private static async Task<string> InitAsync(string root)
    {
        // The render cache and tools live under .nuke/: not part of the config, as in the project's own .gitignore.
        await File.WriteAllTextAsync(Path.Combine(root, ".gitignore"), ".nuke/\n");
        await Git(root, "init", "--quiet", "--initial-branch=main");
        return await CommitAsync(root, "config");
    }

    private static async Task<string> CommitAsync(string root, string message)
    {
        await Git(root, "add", "--all");
        await Git(
            root,
            "-c",
            "user.name=test",
            "-c",
            "user.email=test@example.com",
            "commit",
            "--quiet",
            "--allow-empty",
            "-m",
            message
        );
        return await Git(root, "rev-parse", "HEAD");
    }

    /// <summary>A CI checkout: <c>actions/checkout</c>'s default depth of 1, from a bare origin of the workspace.</summary>
    private static async Task<string> ShallowCloneAsync(string root)
    {
        var origin = Path.Combine(root, ".nuke", "origin.git");
        var clone = Path.Combine(root, ".nuke", "checkout");
        await Git(root, "clone", "--quiet", "--bare", root, origin);
        await Git(root, "clone", "--quiet", "--depth", "1", $"file://{origin}", clone);
        Assert.Equal("true", await Git(clone, "rev-parse", "--is-shallow-repository"));
        return clone;
    }

    private static Task<string> Git(string directory, params string[] arguments) =>
        BareConfigRepo.GitAsync(directory, arguments);

    private static void SetReplicas(SyncHarness harness, int replicas)
    {
        var values = harness.Workspace.Root / "helmfile" / "values" / "test.yaml";
        File.WriteAllText(
            values,
            System.Text.RegularExpressions.Regex.Replace(
                File.ReadAllText(values),
                "replicas: \\d+",
                $"replicas: {replicas}"
            )
        );
    }

    private static int Replicas(KubeApiTestServer server) =>
        server.GetObject("apps/v1", "deployments", "web", "web-app")!["spec"]![
            "replicas"
        ]!.GetValue<int>();

    private static Dictionary<string, string?> Recorded(KubeApiTestServer server)
    {
        var data = server.GetObject("v1", "configmaps", "kube-system", "pipelines-inventory-test")![
            "data"
        ]!;
        return new()
        {
            ["revision"] = (string?)data["revision"],
            ["dirty"] = (string?)data["dirty"],
        };
    }
}
