using Pipelines.Tools;

namespace Pipelines.Tests.Charts;

/// <summary>The app chart's objects and values, rendered by real helm.</summary>
public sealed class AppChartTests
{
    private const string Digest =
        "sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";

    private static Task<IReadOnlyList<Manifest>> Render(string values) =>
        TestHelm.RenderAsync("app", "1.33", values);

    [Fact]
    public async Task The_image_is_repository_and_tag_and_the_tag_is_the_version_label()
    {
        // Act
        var manifests = await Render(
            "image: {repository: registry.example.com/shop, tag: '1.4.2'}"
        );

        // Assert
        var deployment = manifests.Single("Deployment");
        Assert.Equal(
            "registry.example.com/shop:1.4.2",
            deployment.Get("spec", "template", "spec", "containers", 0, "image")
        );
        Assert.All(manifests, m => Assert.Equal("1.4.2", m.Labels["app.kubernetes.io/version"]));
    }

    [Fact]
    public async Task A_digest_pins_the_image_as_repository_at_digest()
    {
        // Act
        var manifests = await Render(
            $"image: {{repository: registry.example.com/shop, tag: '1.4.2', digest: '{Digest}'}}"
        );

        // Assert
        Assert.Equal(
            $"registry.example.com/shop@{Digest}",
            manifests.Single("Deployment").Get("spec", "template", "spec", "containers", 0, "image")
        );
    }

    [Fact]
    public async Task A_digest_that_is_not_sha256_fails_the_render_with_the_expected_form()
    {
        // Act
        var exception = await Assert.ThrowsAsync<ToolException>(() =>
            Render("image: {repository: registry.example.com/shop, digest: 'latest'}")
        );

        // Assert
        Assert.Contains("image.digest \"latest\" is not a digest", exception.Message);
        Assert.Contains("sha256: followed by 64 lowercase hex digits", exception.Message);
    }

    [Fact]
    public async Task Without_an_image_repository_the_render_fails_and_says_which_value_is_missing()
    {
        // Act
        var exception = await Assert.ThrowsAsync<ToolException>(() => Render(""));

        // Assert
        Assert.Contains("image.repository is required", exception.Message);
    }

    [Fact]
    public async Task Replicas_are_set_without_autoscaling_and_omitted_with_it()
    {
        // Arrange
        const string image = "image: {repository: registry.example.com/shop}\n";

        // Act
        var fixedSize = await Render(image + "replicaCount: 3");
        var autoscaled = await Render(image + "replicaCount: 3\nautoscaling: {enabled: true}");

        // Assert
        Assert.Equal(3L, fixedSize.Single("Deployment").Get("spec", "replicas"));
        Assert.False(fixedSize.Has("HorizontalPodAutoscaler"));
        var spec = (Dictionary<string, object?>)autoscaled.Single("Deployment").Get("spec")!;
        Assert.False(spec.ContainsKey("replicas"));
        Assert.True(autoscaled.Has("HorizontalPodAutoscaler"));
    }

    [Fact]
    public async Task The_config_map_feeds_the_container_through_env_from_and_keeps_numbers_whole()
    {
        // Act
        var manifests = await Render(
            """
            image: {repository: registry.example.com/shop}
            config:
              LOG_LEVEL: info
              CACHE_BYTES: 1000000
              RATIO: 1.5
            """
        );

        // Assert
        var configMap = manifests.Single("ConfigMap");
        Assert.Equal("info", configMap.Get("data", "LOG_LEVEL"));
        Assert.Equal("1000000", configMap.Get("data", "CACHE_BYTES"));
        Assert.Equal("1.5", configMap.Get("data", "RATIO"));
        var container = manifests
            .Single("Deployment")
            .Get("spec", "template", "spec", "containers", 0);
        Assert.Equal(
            configMap.Name,
            new Manifest((Dictionary<string, object?>)container!).Get(
                "envFrom",
                0,
                "configMapRef",
                "name"
            )
        );
    }

    [Fact]
    public async Task Optional_objects_appear_only_when_enabled()
    {
        // Act
        var manifests = await Render("image: {repository: registry.example.com/shop}");

        // Assert
        Assert.Equal(
            ["Deployment", "Service", "ServiceAccount"],
            manifests.Select(m => m.Kind).Order()
        );
    }

    [Fact]
    public async Task Every_object_carries_the_standard_labels()
    {
        // Act
        var manifests = await Render(
            """
            image: {repository: registry.example.com/shop, tag: '1.4.2'}
            config: {A: b}
            ingress: {enabled: true}
            autoscaling: {enabled: true}
            podDisruptionBudget: {enabled: true}
            """
        );

        // Assert
        Assert.Equal(7, manifests.Count);
        Assert.All(
            manifests,
            m =>
            {
                Assert.Equal("app", m.Labels["app.kubernetes.io/name"]);
                Assert.Equal("rel", m.Labels["app.kubernetes.io/instance"]);
                Assert.Equal("Helm", m.Labels["app.kubernetes.io/managed-by"]);
                Assert.Equal("app-0.1.0", m.Labels["helm.sh/chart"]);
                Assert.Equal("web", m.Get("metadata", "namespace"));
            }
        );
    }
}
