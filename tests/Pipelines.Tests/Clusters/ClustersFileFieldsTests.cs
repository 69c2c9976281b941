using Pipelines.Clusters;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.TestServers;

namespace Pipelines.Tests.Clusters;

/// <summary>The fields the cluster lifecycle added to clusters.yaml: node groups, CD role, provisioned and deadline.</summary>
public class ClustersFileFieldsTests
{
    private const string Head = "environments:\n  stage:\n    region: eu-west-1\n";

    private const string Cluster =
        "    clusters:\n      - name: stage-1-33-green\n        kubernetesVersion: \"1.33\"\n        kubeContext: x\n        color: green\n        state: active\n";

    private static IReadOnlyList<ClusterEnvironment> Parse(string text) =>
        ClustersFile.Parse(text, "helmfile/clusters.yaml");

    [Fact]
    public void The_project_file_gives_every_environment_node_groups_and_its_green_clusters_a_deadline()
    {
        // Arrange
        var root = AbsolutePath.Create(RepositoryRoot.Path);

        // Act
        var environments = ClustersFile.LoadEnvironments(root / ClustersFile.DefaultPath, root);

        // Assert
        Assert.Equal(["test", "stage", "prod"], environments.Select(e => e.Name));
        Assert.All(environments, e => Assert.NotEmpty(e.NodeGroups));
        Assert.All(
            environments.SelectMany(e => e.Clusters).Where(c => c.Color == ClusterColor.Green),
            c => Assert.Equal(c.Provisioned!.Value.AddDays(42), c.Deadline)
        );
    }

    [Fact]
    public void Provisioned_and_deadline_are_dates_and_the_deadline_defaults_to_six_weeks_later()
    {
        // Arrange
        var text = Head + Cluster + "        provisioned: 2026-01-05\n";

        // Act
        var cluster = Parse(text).Single().Clusters.Single();

        // Assert
        Assert.Equal(new DateOnly(2026, 1, 5), cluster.Provisioned);
        Assert.Equal(new DateOnly(2026, 2, 16), cluster.Deadline);
    }

    [Fact]
    public void A_deadline_that_is_not_a_date_names_the_line_and_the_format()
    {
        // Arrange
        var text = Head + Cluster + "        deadline: next week\n";

        // Act
        var error = Assert.Throws<SourceLocatedException>(() => Parse(text));

        // Assert
        Assert.Contains(
            "environments.stage.clusters[0].deadline must be a date written YYYY-MM-DD (2026-01-31), not 'next week'",
            error.Message
        );
        Assert.Equal(10, error.Line);
        Assert.Equal(9, error.Column);
    }

    [Fact]
    public void A_deadline_before_the_provisioning_day_is_refused()
    {
        // Arrange
        var text =
            Head + Cluster + "        provisioned: 2026-02-01\n        deadline: 2026-01-01\n";

        // Act
        var error = Assert.Throws<SourceLocatedException>(() => Parse(text));

        // Assert
        Assert.Contains("deadline 2026-01-01 is before provisioned 2026-02-01", error.Message);
    }

    [Fact]
    public void Node_groups_are_read_with_their_sizes_labels_and_flags()
    {
        // Arrange
        var text =
            Head
            + "    nodeGroups:\n      - name: general\n        instanceTypes: [m6i.large]\n        minSize: 1\n        maxSize: 3\n        desiredCapacity: 2\n        spot: true\n        labels:\n          dedicated: false\n          tier: app\n"
            + Cluster;

        // Act
        var group = Parse(text).Single().NodeGroups.Single();

        // Assert
        Assert.Equal(
            ("general", 1, 3, 2),
            (group.Name, group.MinSize, group.MaxSize, group.DesiredCapacity)
        );
        Assert.True(group.Spot);
        Assert.Equal(["dedicated", "tier"], group.Labels.Keys);
        Assert.Equal("false", group.Labels["dedicated"]);
    }

    [Theory]
    [InlineData(
        "      - name: general\n        instanceTypes: []\n",
        "instanceTypes must be a non-empty list"
    )]
    [InlineData(
        "      - name: general\n        instanceTypes: [m6i.large]\n        minSize: 3\n        maxSize: 2\n",
        "needs minSize <= desiredCapacity <= maxSize"
    )]
    [InlineData(
        "      - name: general\n        instanceTypes: [m6i.large]\n        size: 3\n",
        "unknown field 'size'. Known: name, instanceTypes"
    )]
    [InlineData(
        "      - name: 1st\n        instanceTypes: [m6i.large]\n",
        "a node group needs a name of letters"
    )]
    [InlineData(
        "      - name: a\n        instanceTypes: [m6i.large]\n      - name: a\n        instanceTypes: [m5.large]\n",
        "node group 'a' is declared twice"
    )]
    public void A_broken_node_group_is_refused_with_the_fix(string groups, string expected)
    {
        // Arrange
        var text = Head + "    nodeGroups:\n" + groups + Cluster;

        // Act
        var error = Assert.Throws<SourceLocatedException>(() => Parse(text));

        // Assert
        Assert.Contains(expected, error.Message);
        Assert.StartsWith("helmfile/clusters.yaml:", error.Message);
    }

    [Fact]
    public void A_cd_role_must_be_an_iam_role_arn()
    {
        // Arrange
        var text = Head + "    cdRole: pipelines-cd\n" + Cluster;

        // Act
        var error = Assert.Throws<SourceLocatedException>(() => Parse(text));

        // Assert
        Assert.Contains(
            "cdRole must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)",
            error.Message
        );
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void A_read_only_role_is_read_beside_the_cd_role_and_must_be_an_iam_role_arn_too()
    {
        // Arrange
        var valid =
            Head
            + "    cdRole: arn:aws:iam::111122223333:role/pipelines-cd\n"
            + "    readOnlyRole: arn:aws:iam::111122223333:role/pipelines-read-only\n"
            + Cluster;
        var invalid = Head + "    readOnlyRole: [pipelines-read-only]\n" + Cluster;

        // Act
        var environment = Parse(valid).Single();
        var error = Assert.Throws<SourceLocatedException>(() => Parse(invalid));

        // Assert
        Assert.Equal(
            "arn:aws:iam::111122223333:role/pipelines-read-only",
            environment.ReadOnlyRole
        );
        Assert.Equal("arn:aws:iam::111122223333:role/pipelines-cd", environment.CdRole);
        Assert.Contains(
            "environments.stage.readOnlyRole must be an IAM role ARN (arn:aws:iam::<account>:role/<name>), not a list",
            error.Message
        );
        Assert.Equal(4, error.Line);
    }
}
