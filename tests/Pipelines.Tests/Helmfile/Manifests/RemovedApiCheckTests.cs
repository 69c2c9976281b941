using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Manifests;

namespace Pipelines.Tests.Helmfile.Manifests;

public class RemovedApiCheckTests
{
    private static IReadOnlyList<RemovedApiFinding> CheckOne(
        string apiVersion,
        string kind,
        string clusterVersion
    ) =>
        RemovedApiCheck.Check(
            "web",
            ManifestStream.Parse(HelmOutput.Single(apiVersion, kind), "web", "apps"),
            clusterVersion
        );

    [Fact]
    public void An_extensions_v1beta1_Ingress_on_1_22_is_reported_with_its_networking_v1_replacement()
    {
        // Arrange
        var output = """
            ---
            # Source: web/templates/ingress.yaml
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata:
              name: web
            spec:
              backend:
                serviceName: web
                servicePort: 80
            """;
        var objects = ManifestStream.Parse(output, "web", "apps");

        // Act
        var finding = Assert.Single(RemovedApiCheck.Check("web", objects, "1.22"));

        // Assert
        Assert.Equal(
            new RemovedApiFinding(
                "web",
                "web/templates/ingress.yaml",
                "Ingress",
                "web",
                "apps",
                "extensions/v1beta1",
                "1.22",
                "networking.k8s.io/v1"
            ),
            finding
        );
        Assert.Equal(
            "release web: web/templates/ingress.yaml: Ingress web (ns apps) uses extensions/v1beta1, removed in 1.22; use networking.k8s.io/v1",
            RemovedApiCheck.Describe(finding)
        );
    }

    [Theory]
    [InlineData("policy/v1beta1", "PodDisruptionBudget", "1.25", "policy/v1")]
    [InlineData("autoscaling/v2beta2", "HorizontalPodAutoscaler", "1.26", "autoscaling/v2")]
    [InlineData("autoscaling/v2beta1", "HorizontalPodAutoscaler", "1.25", "autoscaling/v2")]
    [InlineData(
        "flowcontrol.apiserver.k8s.io/v1beta2",
        "FlowSchema",
        "1.29",
        "flowcontrol.apiserver.k8s.io/v1"
    )]
    [InlineData(
        "flowcontrol.apiserver.k8s.io/v1beta3",
        "PriorityLevelConfiguration",
        "1.32",
        "flowcontrol.apiserver.k8s.io/v1"
    )]
    [InlineData("batch/v1beta1", "CronJob", "1.25", "batch/v1")]
    [InlineData("storage.k8s.io/v1beta1", "CSIStorageCapacity", "1.27", "storage.k8s.io/v1")]
    [InlineData("apps/v1beta2", "Deployment", "1.16", "apps/v1")]
    public void An_api_is_reported_from_the_release_that_removed_it(
        string apiVersion,
        string kind,
        string removedIn,
        string replacement
    )
    {
        // Act
        var finding = Assert.Single(CheckOne(apiVersion, kind, removedIn));

        // Assert
        Assert.Equal((removedIn, replacement), (finding.RemovedIn, finding.Replacement));
    }

    [Theory]
    [InlineData("policy/v1beta1", "PodDisruptionBudget", "1.24")]
    [InlineData("autoscaling/v2beta2", "HorizontalPodAutoscaler", "1.25")]
    [InlineData("flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema", "1.28")]
    [InlineData("networking.k8s.io/v1beta1", "Ingress", "1.21")]
    [InlineData("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", "1.31")]
    public void An_api_is_not_reported_on_the_release_before_its_removal(
        string apiVersion,
        string kind,
        string clusterVersion
    )
    {
        // Act
        var findings = CheckOne(apiVersion, kind, clusterVersion);

        // Assert
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("apps/v1", "Deployment")]
    [InlineData("networking.k8s.io/v1", "Ingress")]
    [InlineData("policy/v1", "PodDisruptionBudget")]
    [InlineData("autoscaling/v2", "HorizontalPodAutoscaler")]
    [InlineData("batch/v1", "CronJob")]
    [InlineData("flowcontrol.apiserver.k8s.io/v1", "FlowSchema")]
    [InlineData("v1", "Service")]
    [InlineData("monitoring.coreos.com/v1", "ServiceMonitor")]
    [InlineData("cert-manager.io/v1beta1", "Certificate")]
    public void Current_apis_are_not_reported_on_the_newest_release(string apiVersion, string kind)
    {
        // Act
        var findings = CheckOne(apiVersion, kind, "1.33");

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void PodSecurityPolicy_on_1_25_is_reported_with_advice_to_use_pod_security_admission()
    {
        // Act
        var finding = Assert.Single(CheckOne("policy/v1beta1", "PodSecurityPolicy", "1.25"));

        // Assert
        Assert.StartsWith("no replacement API: ", finding.Replacement);
        Assert.Contains("Pod Security Admission", finding.Replacement);
        Assert.Equal(
            $"release web: web/templates/object.yaml: PodSecurityPolicy web uses policy/v1beta1, removed in 1.25; {finding.Replacement}",
            RemovedApiCheck.Describe(finding)
        );
    }

    [Theory]
    [InlineData("extensions/v1beta1", "PodSecurityPolicy", "1.24", "policy/v1beta1")]
    [InlineData(
        "flowcontrol.apiserver.k8s.io/v1beta1",
        "FlowSchema",
        "1.26",
        "flowcontrol.apiserver.k8s.io/v1beta3"
    )]
    [InlineData(
        "flowcontrol.apiserver.k8s.io/v1beta1",
        "FlowSchema",
        "1.32",
        "flowcontrol.apiserver.k8s.io/v1"
    )]
    public void A_replacement_that_the_cluster_also_removed_is_followed_to_one_it_serves(
        string apiVersion,
        string kind,
        string clusterVersion,
        string replacement
    )
    {
        // Act
        var finding = Assert.Single(CheckOne(apiVersion, kind, clusterVersion));

        // Assert
        Assert.Equal(replacement, finding.Replacement);
    }

    [Fact]
    public void An_old_PodSecurityPolicy_on_1_25_ends_at_pod_security_admission()
    {
        // Act
        var finding = Assert.Single(CheckOne("extensions/v1beta1", "PodSecurityPolicy", "1.25"));

        // Assert
        Assert.Equal("1.16", finding.RemovedIn);
        Assert.Contains("Pod Security Admission", finding.Replacement);
    }

    [Theory]
    [InlineData("v1.25.16-eks-3025e55", 1)]
    [InlineData("v1.24.17-eks-8cb36c9", 0)]
    [InlineData("1.25", 1)]
    [InlineData("v1.30.4+k3s1", 1)]
    [InlineData("1.29-gke.1000", 1)]
    [InlineData("v1.9", 0)]
    public void Vendor_version_strings_are_compared_by_major_and_minor_only(
        string clusterVersion,
        int expected
    )
    {
        // Act
        var findings = CheckOne("policy/v1beta1", "PodDisruptionBudget", clusterVersion);

        // Assert
        Assert.Equal(expected, findings.Count);
    }

    [Fact]
    public void A_cluster_version_that_is_not_a_version_is_a_usage_error_with_examples()
    {
        // Act
        var error = Assert.Throws<UsageException>(() => CheckOne("v1", "Service", "latest"));

        // Assert
        Assert.Equal(
            "'latest' is not a Kubernetes version. Use major.minor, optionally with a 'v', patch and vendor suffix: 1.33, v1.33.2, v1.33.2-eks-abc.",
            error.Message
        );
    }

    [Fact]
    public void Findings_follow_the_order_of_the_objects_and_name_each_template()
    {
        // Arrange
        var output =
            HelmOutput.Single("rbac.authorization.k8s.io/v1beta1", "ClusterRole", "reader")
            + "\n"
            + HelmOutput.Single("apps/v1", "Deployment")
            + "\n"
            + HelmOutput.Single("batch/v1beta1", "CronJob", "backup");
        var objects = ManifestStream.Parse(output, "web", "apps");

        // Act
        var findings = RemovedApiCheck.Check("web", objects, "v1.33.2-eks-abc");

        // Assert
        Assert.Equal(
            [
                "release web: web/templates/object.yaml: ClusterRole reader uses rbac.authorization.k8s.io/v1beta1, removed in 1.22; use rbac.authorization.k8s.io/v1",
                "release web: web/templates/object.yaml: CronJob backup (ns apps) uses batch/v1beta1, removed in 1.25; use batch/v1",
            ],
            findings.Select(RemovedApiCheck.Describe)
        );
    }
}
