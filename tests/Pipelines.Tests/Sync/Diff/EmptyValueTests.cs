using Pipelines.Sync.Diff;
using static Pipelines.Tests.Sync.Diff.Manifests;

namespace Pipelines.Tests.Sync.Diff;

public class EmptyValueTests
{
    private static ObjectDiff Compare(string desired, string live) =>
        DriftComparer.Compare(FromYaml(desired), FromYaml(live), [], "v1/ConfigMap x/y");

    [Theory]
    [InlineData("annotations: null")]
    [InlineData("annotations: {}")]
    [InlineData("annotations: {a: null, b: {}}")]
    [InlineData("finalizers: []")]
    [InlineData("note: \"\"")]
    [InlineData("hostNetwork: false")]
    [InlineData("minReadySeconds: 0")]
    public void An_empty_desired_value_equals_a_missing_live_field(string field)
    {
        // Act
        var diff = Compare($"spec:\n  {field}\n", "spec: {}\n");

        // Assert
        Assert.True(diff.InSync, string.Join(", ", diff.ChangedPaths));
    }

    [Theory]
    [InlineData("automountServiceAccountToken: false", ".spec.automountServiceAccountToken")]
    [InlineData("securityContext: {runAsUser: 0}", ".spec.securityContext.runAsUser")]
    [InlineData("emptyDir: {}", ".spec.emptyDir")]
    public void A_zero_the_server_would_keep_is_drift_when_the_live_object_lacks_it(
        string field,
        string path
    )
    {
        // Act
        var diff = Compare($"spec:\n  {field}\n", "spec: {}\n");

        // Assert
        Assert.Equal([path], diff.ChangedPaths);
    }

    [Fact]
    public void An_empty_desired_value_against_a_set_live_value_is_drift_except_for_server_assigned_fields()
    {
        // Act
        var diff = Compare(
            "spec:\n  clusterIP: \"\"\n  args: []\n  note: \"\"\n",
            "spec:\n  clusterIP: 10.0.0.12\n  args: [x]\n  note: set by hand\n"
        );

        // Assert
        Assert.Equal([".spec.args", ".spec.note"], diff.ChangedPaths);
    }

    [Fact]
    public void A_desired_null_never_drifts_even_when_the_live_object_has_a_value()
    {
        // Act
        var diff = Compare(
            "metadata:\n  annotations: null\n",
            "metadata:\n  annotations: {a: b}\n"
        );

        // Assert
        Assert.True(diff.InSync);
    }

    [Fact]
    public void Bookkeeping_fields_in_the_desired_manifest_are_dropped()
    {
        // Act
        var diff = Compare(
            "metadata:\n  creationTimestamp: null\n  uid: stale\n  generation: 1\nstatus:\n  phase: Pending\n",
            "metadata:\n  creationTimestamp: \"2025-01-01T00:00:00Z\"\n  uid: abc\n  generation: 7\n"
        );

        // Assert
        Assert.True(diff.InSync);
    }
}
