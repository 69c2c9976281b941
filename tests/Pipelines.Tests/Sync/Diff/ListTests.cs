using Pipelines.Sync.Diff;
using static Pipelines.Tests.Sync.Diff.Manifests;

namespace Pipelines.Tests.Sync.Diff;

public class ListTests
{
    private static ObjectDiff Compare(string desired, string live) =>
        DriftComparer.Compare(FromYaml(desired), FromYaml(live), [], "apps/Deployment web/web");

    [Fact]
    public void A_list_keyed_by_name_is_compared_regardless_of_order()
    {
        // Act
        var diff = Compare(
            "env:\n  - {name: A, value: \"1\"}\n  - {name: B, value: \"2\"}\n",
            "env:\n  - {name: B, value: \"2\"}\n  - {name: A, value: \"1\"}\n"
        );

        // Assert
        Assert.True(diff.InSync);
    }

    [Fact]
    public void A_changed_keyed_item_names_its_key_and_a_missing_one_names_the_item()
    {
        // Act
        var diff = Compare(
            "env:\n  - {name: A, value: \"1\"}\n  - {name: B, value: \"2\"}\n",
            "env:\n  - {name: A, value: \"9\"}\n  - {name: C, value: \"3\"}\n"
        );

        // Assert
        Assert.Equal([".env[name=A].value", ".env[name=B]"], diff.ChangedPaths);
    }

    [Fact]
    public void Unnamed_ports_are_keyed_by_container_port()
    {
        // Act
        var diff = Compare(
            "ports:\n  - containerPort: 8080\n  - containerPort: 9090\n    hostPort: 9090\n",
            "ports:\n  - {containerPort: 9090, protocol: TCP, hostPort: 9091}\n  - {containerPort: 8080, protocol: TCP}\n"
        );

        // Assert
        Assert.Equal([".ports[containerPort=9090].hostPort"], diff.ChangedPaths);
    }

    [Fact]
    public void An_unkeyed_list_that_changed_length_is_drift_at_the_list()
    {
        // Act
        var diff = Compare("args: [--port, \"8080\"]\n", "args: [--port, \"8080\", --debug]\n");

        // Assert
        Assert.Equal([".args"], diff.ChangedPaths);
        Assert.Contains("-- --debug", diff.UnifiedDiff);
    }

    [Fact]
    public void An_unkeyed_list_is_compared_by_position_with_defaults_projected_away()
    {
        // Act
        var diff = Compare(
            "tolerations:\n  - {key: a, operator: Exists}\n  - {key: b, operator: Exists}\n",
            "tolerations:\n  - {key: b, operator: Exists, effect: NoSchedule}\n  - {key: a, operator: Exists}\n"
        );

        // Assert
        Assert.Equal([".tolerations[0].key", ".tolerations[1].key"], diff.ChangedPaths);
    }
}
