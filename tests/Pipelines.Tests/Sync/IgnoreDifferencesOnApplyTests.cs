using Pipelines.Sync;
using Pipelines.Sync.Diff;
using Pipelines.Tests.Sync.Diff;

namespace Pipelines.Tests.Sync;

/// <summary>ignoreDifferences holds on apply (Argo CD's RespectIgnoreDifferences), against the blue test server.</summary>
public sealed class IgnoreDifferencesOnApplyTests
{
    private const string TestValues = "helmfile/values/apps/web/test.yaml";

    [Fact]
    public async Task Sync_keeps_replicas_scaled_by_hand_when_it_applies_a_new_image()
    {
        // Arrange: what was seen: /spec/replicas ignored, scaled to 5 by hand, back to 2 on the next image
        await using var harness = await SyncHarness.StartAsync();
        harness.Workspace.Write(
            "helmfile/sync.yaml",
            "ignoreDifferences:\n  - group: apps\n    kind: Deployment\n    jsonPointers:\n      - /spec/replicas\n"
        );
        var options = new SyncOptions
        {
            IgnoreDifferences = SyncConfig.Load(harness.Workspace.Root),
        };
        await harness.SyncAsync(options);
        harness.Blue.PatchAs(
            "kubectl-scale",
            "apps/v1",
            "deployments",
            "web",
            "web-app",
            """{"spec":{"replicas":5}}"""
        );
        var values = harness.Workspace.Root / TestValues;
        var digest = "sha256:" + string.Concat(Enumerable.Repeat("9d", 32));
        File.WriteAllText(
            values,
            System.Text.RegularExpressions.Regex.Replace(
                File.ReadAllText(values),
                "digest: .*",
                $"digest: \"{digest}\""
            )
        );

        // Act
        var reports = await harness.SyncAsync(options);

        // Assert
        var blue = SyncHarness.Of(reports, "test-1-34-blue");
        Assert.False(blue.Failed, string.Join("\n", SyncReportWriter.Text(blue)));
        var deployment = harness.Blue.GetObject("apps/v1", "deployments", "web", "web-app")!;
        Assert.Equal(5, deployment["spec"]!["replicas"]!.GetValue<int>());
        Assert.Contains(
            digest,
            deployment["spec"]!["template"]!["spec"]!["containers"]![0]![
                "image"
            ]!.GetValue<string>()
        );
        var report = blue.Objects.Single(o => o.Kind == "Deployment" && o.Name == "web-app");
        Assert.DoesNotContain(".spec.replicas", report.ChangedPaths);
    }

    [Fact]
    public async Task Without_the_rule_sync_puts_hand_scaled_replicas_back()
    {
        // Arrange: the control case, so the test above cannot pass by accident
        await using var harness = await SyncHarness.StartAsync();
        await harness.SyncAsync();
        harness.Blue.PatchAs(
            "kubectl-scale",
            "apps/v1",
            "deployments",
            "web",
            "web-app",
            """{"spec":{"replicas":5}}"""
        );

        // Act
        await harness.SyncAsync(new SyncOptions { ForceConflicts = true });

        // Assert
        var deployment = harness.Blue.GetObject("apps/v1", "deployments", "web", "web-app")!;
        Assert.NotEqual(5, deployment["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public void An_ignored_container_field_takes_the_live_value_of_the_container_with_the_same_name()
    {
        // Arrange
        var desired = Manifests.FromYaml(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: web, namespace: shop }
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                    - { name: web, image: "web:2", resources: { limits: { cpu: "1" } } }
                    - { name: proxy, image: "proxy:1" }
            """
        );
        var live = Manifests.FromYaml(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: web, namespace: shop }
            spec:
              replicas: 7
              template:
                spec:
                  containers:
                    - { name: proxy, image: "proxy:1" }
                    - { name: web, image: "web:1", resources: { limits: { cpu: "3" } } }
            """
        );
        var rules = new[]
        {
            new IgnoreDifferencesRule(
                "apps",
                "Deployment",
                null,
                null,
                ["/spec/template/spec/containers/name=web/resources"]
            ),
        };

        // Act
        var body = IgnoredFields.KeepLive(desired, live, rules);

        // Assert
        var spec = (Dictionary<string, object?>)body["spec"]!;
        var containers =
            (List<object?>)
                (
                    (Dictionary<string, object?>)
                        ((Dictionary<string, object?>)spec["template"]!)["spec"]!
                )["containers"]!;
        var web = (Dictionary<string, object?>)containers[0]!;
        Assert.Equal("web:2", web["image"]);
        Assert.Equal(
            "3",
            (
                (Dictionary<string, object?>)
                    ((Dictionary<string, object?>)web["resources"]!)["limits"]!
            )["cpu"]
        );
        Assert.Equal(2L, spec["replicas"]);
    }

    [Fact]
    public void An_ignored_field_the_live_object_lacks_is_left_out_of_the_applied_body()
    {
        // Arrange: an HPA-managed Deployment created without replicas; Git says 2
        var desired = Manifests.FromYaml(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: { replicas: 2, paused: false }\n"
        );
        var live = Manifests.FromYaml(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: { paused: false }\n"
        );
        var rules = new[]
        {
            new IgnoreDifferencesRule(null, "Deployment", null, null, ["/spec/replicas"]),
        };

        // Act
        var body = IgnoredFields.KeepLive(desired, live, rules);

        // Assert
        Assert.False(((Dictionary<string, object?>)body["spec"]!).ContainsKey("replicas"));
        Assert.True(((Dictionary<string, object?>)desired["spec"]!).ContainsKey("replicas"));
    }
}
