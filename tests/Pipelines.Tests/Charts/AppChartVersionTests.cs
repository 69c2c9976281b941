using Pipelines.Tools;

namespace Pipelines.Tests.Charts;

/// <summary>
/// The app chart absorbs Kubernetes version differences: one set of values renders the API each cluster generation
/// serves, from <c>--kube-version</c> as <c>helm template</c> gets it (and an EKS version string as EKS reports it).
/// </summary>
public sealed class AppChartVersionTests
{
    private const string Everything = """
        image:
          repository: registry.example.com/shop
          tag: "1.4.2"
        ingress:
          enabled: true
          className: alb
          hosts:
            - host: shop.example.com
              paths:
                - path: /api
                  pathType: Prefix
        autoscaling:
          enabled: true
        podDisruptionBudget:
          enabled: true
        """;

    [Theory]
    [InlineData("1.33", "networking.k8s.io/v1")]
    [InlineData("v1.33.1-eks-4f4795d", "networking.k8s.io/v1")]
    [InlineData("1.19", "networking.k8s.io/v1")]
    [InlineData("1.18", "networking.k8s.io/v1beta1")]
    [InlineData("1.14", "networking.k8s.io/v1beta1")]
    public async Task The_ingress_uses_the_api_the_cluster_version_serves(
        string kubeVersion,
        string expected
    )
    {
        // Act
        var manifests = await TestHelm.RenderAsync("app", kubeVersion, Everything);

        // Assert
        Assert.Equal(expected, manifests.Single("Ingress").ApiVersion);
    }

    [Fact]
    public async Task A_v1_ingress_routes_to_the_service_by_name_and_port_number_with_a_path_type()
    {
        // Act
        var ingress = (await TestHelm.RenderAsync("app", "1.33", Everything)).Single("Ingress");

        // Assert
        object[] path = ["spec", "rules", 0, "http", "paths", 0];
        Assert.Equal("shop.example.com", ingress.Get("spec", "rules", 0, "host"));
        Assert.Equal("/api", ingress.Get([.. path, "path"]));
        Assert.Equal("Prefix", ingress.Get([.. path, "pathType"]));
        Assert.Equal("rel-app", ingress.Get([.. path, "backend", "service", "name"]));
        Assert.Equal(80L, ingress.Get([.. path, "backend", "service", "port", "number"]));
        Assert.Null(ingress.Get([.. path, "backend", "serviceName"]));
        Assert.Equal("alb", ingress.Get("spec", "ingressClassName"));
    }

    [Fact]
    public async Task A_v1beta1_ingress_routes_to_the_service_by_service_name_and_service_port()
    {
        // Act
        var ingress = (await TestHelm.RenderAsync("app", "1.18", Everything)).Single("Ingress");

        // Assert
        object[] backend = ["spec", "rules", 0, "http", "paths", 0, "backend"];
        Assert.Equal("rel-app", ingress.Get([.. backend, "serviceName"]));
        Assert.Equal(80L, ingress.Get([.. backend, "servicePort"]));
        Assert.Null(ingress.Get([.. backend, "service"]));
    }

    [Fact]
    public async Task Before_1_18_the_ingress_class_is_an_annotation_and_paths_have_no_path_type()
    {
        // Act
        var ingress = (await TestHelm.RenderAsync("app", "1.17", Everything)).Single("Ingress");

        // Assert
        Assert.Equal("alb", ingress.Get("metadata", "annotations", "kubernetes.io/ingress.class"));
        Assert.Null(ingress.Get("spec", "ingressClassName"));
        Assert.Null(ingress.Get("spec", "rules", 0, "http", "paths", 0, "pathType"));
    }

    [Fact]
    public async Task An_ingress_api_the_cluster_advertises_wins_over_an_old_version_number()
    {
        // Act
        var manifests = await TestHelm.RenderAsync(
            "app",
            "1.18",
            Everything,
            "networking.k8s.io/v1/Ingress"
        );

        // Assert
        Assert.Equal("networking.k8s.io/v1", manifests.Single("Ingress").ApiVersion);
    }

    [Theory]
    [InlineData("1.33", "autoscaling/v2")]
    [InlineData("1.23", "autoscaling/v2")]
    [InlineData("v1.23.17-eks-0a21954", "autoscaling/v2")]
    [InlineData("1.22", "autoscaling/v2beta2")]
    public async Task The_autoscaler_uses_autoscaling_v2_from_1_23_and_v2beta2_before(
        string kubeVersion,
        string expected
    )
    {
        // Act
        var hpa = (await TestHelm.RenderAsync("app", kubeVersion, Everything)).Single(
            "HorizontalPodAutoscaler"
        );

        // Assert
        Assert.Equal(expected, hpa.ApiVersion);
        Assert.Equal("Deployment", hpa.Get("spec", "scaleTargetRef", "kind"));
        Assert.Equal(
            80L,
            hpa.Get("spec", "metrics", 0, "resource", "target", "averageUtilization")
        );
    }

    [Theory]
    [InlineData("1.33", "policy/v1")]
    [InlineData("1.21", "policy/v1")]
    [InlineData("1.20", "policy/v1beta1")]
    public async Task The_disruption_budget_uses_policy_v1_from_1_21_and_v1beta1_before(
        string kubeVersion,
        string expected
    )
    {
        // Act
        var pdb = (await TestHelm.RenderAsync("app", kubeVersion, Everything)).Single(
            "PodDisruptionBudget"
        );

        // Assert
        Assert.Equal(expected, pdb.ApiVersion);
        Assert.Equal(1L, pdb.Get("spec", "minAvailable"));
        Assert.Equal("app", pdb.Get("spec", "selector", "matchLabels", "app.kubernetes.io/name"));
    }

    [Theory]
    [InlineData("1.33", true)]
    [InlineData("1.18", false)]
    public async Task The_seccomp_profile_is_a_field_from_1_19_and_an_annotation_before(
        string kubeVersion,
        bool field
    )
    {
        // Act
        var deployment = (await TestHelm.RenderAsync("app", kubeVersion, Everything)).Single(
            "Deployment"
        );

        // Assert
        object[] pod = ["spec", "template"];
        var profile = deployment.Get([.. pod, "spec", "securityContext", "seccompProfile", "type"]);
        var annotation = deployment.Get([
            .. pod,
            "metadata",
            "annotations",
            "seccomp.security.alpha.kubernetes.io/pod",
        ]);
        Assert.Equal(field ? "RuntimeDefault" : null, profile);
        Assert.Equal(field ? null : "runtime/default", annotation);
    }

    [Fact]
    public async Task A_cluster_older_than_the_oldest_api_set_the_chart_renders_is_refused()
    {
        // Act
        var exception = await Assert.ThrowsAsync<ToolException>(() =>
            TestHelm.RenderAsync("app", "1.13", Everything)
        );

        // Assert
        Assert.Contains(
            "chart requires kubeVersion: >=1.14.0-0 which is incompatible with Kubernetes v1.13",
            exception.Message
        );
    }
}
