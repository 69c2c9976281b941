using Pipelines.Sync.Diff;
using static Pipelines.Tests.Sync.Diff.Manifests;

namespace Pipelines.Tests.Sync.Diff;

public class IgnoreDifferencesTests
{
    private static Dictionary<string, object?> Drifted() =>
        FromYaml(
            LiveDeployment
                .Replace(
                    "  replicas: 3\n  revisionHistoryLimit",
                    "  replicas: 7\n  revisionHistoryLimit",
                    StringComparison.Ordinal
                )
                .Replace("web:1.4.2", "web:canary", StringComparison.Ordinal)
        );

    private static ObjectDiff Compare(params IgnoreDifferencesRule[] rules) =>
        DriftComparer.Compare(FromYaml(Deployment), Drifted(), rules, "apps/Deployment web/web");

    [Fact]
    public void Replicas_owned_by_an_autoscaler_are_ignored_for_every_deployment_by_kind()
    {
        // Act
        var diff = Compare(
            new IgnoreDifferencesRule("apps", "Deployment", null, null, ["/spec/replicas"])
        );

        // Assert
        Assert.Equal([".spec.template.spec.containers[name=web].image"], diff.ChangedPaths);
        Assert.DoesNotContain("replicas", diff.UnifiedDiff);
    }

    [Fact]
    public void A_rule_by_name_and_namespace_applies_only_to_that_object()
    {
        // Arrange
        var image = "/spec/template/spec/containers/name=web/image";
        var other = new IgnoreDifferencesRule("apps", "Deployment", "web", "other", [image]);
        var mine = new IgnoreDifferencesRule(
            "apps",
            "Deployment",
            "web",
            "web",
            [image, "/spec/replicas"]
        );

        // Act
        var notMatched = Compare(other);
        var matched = Compare(mine);

        // Assert
        Assert.Equal(2, notMatched.ChangedPaths.Count);
        Assert.True(matched.InSync);
    }

    [Fact]
    public void A_rule_for_another_group_or_kind_does_not_apply()
    {
        // Act
        var diff = Compare(
            new IgnoreDifferencesRule("", "Deployment", null, null, ["/spec/replicas"]),
            new IgnoreDifferencesRule("apps", "StatefulSet", null, null, ["/spec/replicas"])
        );

        // Assert
        Assert.Contains(".spec.replicas", diff.ChangedPaths);
    }

    [Fact]
    public void Numeric_indexes_and_wildcards_select_list_items()
    {
        // Act
        var byIndex = Compare(
            new IgnoreDifferencesRule(
                null,
                "*",
                null,
                null,
                ["/spec/replicas", "/spec/template/spec/containers/0/image"]
            )
        );
        var byWildcard = Compare(
            new IgnoreDifferencesRule(
                null,
                "Deployment",
                null,
                null,
                ["/spec/replicas", "/spec/template/spec/containers/*/image"]
            )
        );

        // Assert
        Assert.True(byIndex.InSync);
        Assert.True(byWildcard.InSync);
    }

    [Theory]
    [InlineData("spec/replicas")]
    [InlineData("")]
    public void An_invalid_pointer_is_refused_when_the_rule_is_made(string pointer)
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() =>
            new IgnoreDifferencesRule(null, "Deployment", null, null, [pointer])
        );

        // Assert
        Assert.Contains("must start with '/'", error.Message);
    }
}
