using Pipelines.Helmfile.Manifests;

namespace Pipelines.Tests.Helmfile.Manifests;

public class RemovedApisTests
{
    /// <summary>Every removal in the Kubernetes Deprecated API Migration Guide, 1.16 to 1.36 (none after 1.32).</summary>
    public static TheoryData<string, string, string> GuideRemovals =>
        new()
        {
            { "extensions/v1beta1", "NetworkPolicy", "1.16" },
            { "extensions/v1beta1", "PodSecurityPolicy", "1.16" },
            { "extensions/v1beta1", "DaemonSet", "1.16" },
            { "apps/v1beta2", "DaemonSet", "1.16" },
            { "extensions/v1beta1", "Deployment", "1.16" },
            { "apps/v1beta1", "Deployment", "1.16" },
            { "apps/v1beta2", "Deployment", "1.16" },
            { "apps/v1beta1", "StatefulSet", "1.16" },
            { "apps/v1beta2", "StatefulSet", "1.16" },
            { "extensions/v1beta1", "ReplicaSet", "1.16" },
            { "apps/v1beta1", "ReplicaSet", "1.16" },
            { "apps/v1beta2", "ReplicaSet", "1.16" },
            { "admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration", "1.22" },
            { "admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", "1.22" },
            { "apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", "1.22" },
            { "apiregistration.k8s.io/v1beta1", "APIService", "1.22" },
            { "authentication.k8s.io/v1beta1", "TokenReview", "1.22" },
            { "authorization.k8s.io/v1beta1", "LocalSubjectAccessReview", "1.22" },
            { "authorization.k8s.io/v1beta1", "SelfSubjectAccessReview", "1.22" },
            { "authorization.k8s.io/v1beta1", "SubjectAccessReview", "1.22" },
            { "certificates.k8s.io/v1beta1", "CertificateSigningRequest", "1.22" },
            { "coordination.k8s.io/v1beta1", "Lease", "1.22" },
            { "extensions/v1beta1", "Ingress", "1.22" },
            { "networking.k8s.io/v1beta1", "Ingress", "1.22" },
            { "networking.k8s.io/v1beta1", "IngressClass", "1.22" },
            { "rbac.authorization.k8s.io/v1beta1", "ClusterRole", "1.22" },
            { "rbac.authorization.k8s.io/v1beta1", "ClusterRoleBinding", "1.22" },
            { "rbac.authorization.k8s.io/v1beta1", "Role", "1.22" },
            { "rbac.authorization.k8s.io/v1beta1", "RoleBinding", "1.22" },
            { "scheduling.k8s.io/v1beta1", "PriorityClass", "1.22" },
            { "storage.k8s.io/v1beta1", "CSIDriver", "1.22" },
            { "storage.k8s.io/v1beta1", "CSINode", "1.22" },
            { "storage.k8s.io/v1beta1", "StorageClass", "1.22" },
            { "storage.k8s.io/v1beta1", "VolumeAttachment", "1.22" },
            { "batch/v1beta1", "CronJob", "1.25" },
            { "discovery.k8s.io/v1beta1", "EndpointSlice", "1.25" },
            { "events.k8s.io/v1beta1", "Event", "1.25" },
            { "autoscaling/v2beta1", "HorizontalPodAutoscaler", "1.25" },
            { "policy/v1beta1", "PodDisruptionBudget", "1.25" },
            { "policy/v1beta1", "PodSecurityPolicy", "1.25" },
            { "node.k8s.io/v1beta1", "RuntimeClass", "1.25" },
            { "flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema", "1.26" },
            { "flowcontrol.apiserver.k8s.io/v1beta1", "PriorityLevelConfiguration", "1.26" },
            { "autoscaling/v2beta2", "HorizontalPodAutoscaler", "1.26" },
            { "storage.k8s.io/v1beta1", "CSIStorageCapacity", "1.27" },
            { "flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema", "1.29" },
            { "flowcontrol.apiserver.k8s.io/v1beta2", "PriorityLevelConfiguration", "1.29" },
            { "flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", "1.32" },
            { "flowcontrol.apiserver.k8s.io/v1beta3", "PriorityLevelConfiguration", "1.32" },
        };

    [Theory]
    [MemberData(nameof(GuideRemovals))]
    public void The_table_has_every_removal_of_the_deprecation_guide(
        string apiVersion,
        string kind,
        string removedIn
    )
    {
        // Act
        var removed = RemovedApis.Find(apiVersion, kind, "1.33");

        // Assert
        Assert.NotNull(removed);
        Assert.Equal(removedIn, removed.RemovedIn);
    }

    [Fact]
    public void Every_entry_is_found_from_its_removal_release_and_not_on_the_release_before()
    {
        foreach (var api in RemovedApis.All)
        {
            // Arrange
            var removedIn = KubernetesVersion.Parse(api.RemovedIn);
            var before = $"{removedIn.Major}.{removedIn.Minor - 1}";

            // Act
            var atRemoval = RemovedApis.Find(api.ApiVersion, api.Kind, api.RemovedIn);
            var onPrevious = RemovedApis.Find(api.ApiVersion, api.Kind, before);

            // Assert
            Assert.Same(api, atRemoval);
            Assert.Null(onPrevious);
        }
    }

    [Fact]
    public void Each_api_version_and_kind_appears_once()
    {
        // Act
        var duplicates = RemovedApis
            .All.GroupBy(a => (a.ApiVersion, a.Kind))
            .Where(g => g.Count() > 1);

        // Assert
        Assert.Empty(duplicates);
    }

    [Fact]
    public void A_replacement_is_never_removed_in_the_same_release_so_chains_end()
    {
        foreach (var api in RemovedApis.All.Where(a => a.HasReplacement))
        {
            // Act
            var replacement = RemovedApis.Find(api.Replacement, api.Kind, api.RemovedIn);

            // Assert
            Assert.True(
                replacement is null,
                $"{api.ApiVersion} {api.Kind} is replaced by an API removed in the same release"
            );
        }
    }

    [Fact]
    public void Only_PodSecurityPolicy_is_removed_without_a_replacement_and_its_note_says_what_to_do()
    {
        // Act
        var withoutReplacement = Assert.Single(RemovedApis.All, a => !a.HasReplacement);

        // Assert
        Assert.Equal(
            ("policy/v1beta1", "PodSecurityPolicy"),
            (withoutReplacement.ApiVersion, withoutReplacement.Kind)
        );
        Assert.Contains("Pod Security Admission", withoutReplacement.Note);
    }

    [Theory]
    [InlineData("1.33", 1, 33)]
    [InlineData("v1.33.2-eks-abc", 1, 33)]
    [InlineData("v1.31.4+k3s1", 1, 31)]
    [InlineData("1.30-gke.100", 1, 30)]
    [InlineData(" v1.9 ", 1, 9)]
    public void Cluster_versions_are_read_as_major_and_minor(string text, int major, int minor)
    {
        // Act
        var version = KubernetesVersion.Parse(text);

        // Assert
        Assert.Equal(new KubernetesVersion(major, minor), version);
    }

    [Fact]
    public void Minor_versions_compare_as_numbers_not_text()
    {
        // Act
        var nineBeforeTen = KubernetesVersion.Parse("1.9") < KubernetesVersion.Parse("1.10");

        // Assert
        Assert.True(nineBeforeTen);
    }

    [Fact]
    public void The_table_is_checked_through_1_36_and_a_newer_cluster_is_beyond_it()
    {
        // Arrange
        var newestRemoval = RemovedApis.All.Max(api => KubernetesVersion.Parse(api.RemovedIn));

        // Act
        var beyond = new[] { "1.35", "v1.36.1-eks-1a2b3c", "1.37" }.Select(
            RemovedApis.IsBeyondTable
        );

        // Assert
        Assert.Equal("1.36", RemovedApis.CheckedThrough);
        Assert.Equal(KubernetesVersion.Parse("1.32"), newestRemoval);
        Assert.Equal([false, false, true], beyond);
    }
}
