using Pipelines.Clusters;
using Pipelines.Clusters.Eksctl;
using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Tests.Clusters;

public class ClusterConfigTests
{
    private static readonly ClusterEnvironment Stage = new()
    {
        Name = "stage",
        Region = "ap-northeast-1",
        NodeGroups =
        [
            new NodeGroupProfile
            {
                Name = "general",
                InstanceTypes = ["m6i.large", "m5.large"],
                MinSize = 2,
                MaxSize = 4,
                DesiredCapacity = 2,
                VolumeSize = 50,
                Labels = new SortedDictionary<string, string> { ["role"] = "general" },
            },
            new NodeGroupProfile
            {
                Name = "spot",
                InstanceTypes = ["c6i.large"],
                MinSize = 0,
                MaxSize = 3,
                DesiredCapacity = 0,
                Spot = true,
                PrivateNetworking = true,
            },
        ],
        CdRole = "arn:aws:iam::111122223333:role/pipelines-cd",
    };

    private static EksClusterConfig Config(string version = "1.30") =>
        ClusterConfigFactory.Create(
            Stage,
            $"stage-{version.Replace('.', '-')}-blue",
            "ap-northeast-1",
            version,
            ClusterColor.Blue
        );

    [Fact]
    public void The_read_only_role_gets_an_access_entry_of_its_own_group_beside_the_cd_role()
    {
        // Arrange
        var environment = Stage with
        {
            ReadOnlyRole = "arn:aws:iam::111122223333:role/pipelines-read-only",
        };

        // Act
        var config = ClusterConfigFactory.Create(
            environment,
            "stage-1-30-blue",
            "ap-northeast-1",
            "1.30",
            ClusterColor.Blue
        );
        var yaml = ClusterConfigYaml.Write(config, "clusters/stage-1-30-blue.eksctl.yaml");

        // Assert
        Assert.Equal(
            [
                ("arn:aws:iam::111122223333:role/pipelines-cd", "pipelines:cd"),
                ("arn:aws:iam::111122223333:role/pipelines-read-only", "pipelines:read-only"),
            ],
            config.AccessEntries.Select(e => (e.PrincipalArn, e.KubernetesGroups.Single()))
        );
        Assert.Contains(
            "    - principalARN: arn:aws:iam::111122223333:role/pipelines-read-only\n      kubernetesGroups:\n        - pipelines:read-only\n"
                + "managedNodeGroups:",
            yaml
        );
        Assert.Empty(ClusterConfigSchema.Errors(yaml));
    }

    [Fact]
    public void The_ClusterConfig_of_a_new_cluster_is_written_as_the_golden_yaml()
    {
        // Arrange
        var config = Config();

        // Act
        var yaml = ClusterConfigYaml.Write(config, "clusters/stage-1-30-blue.eksctl.yaml");

        // Assert
        Assert.Equal(
            """
            # eksctl ClusterConfig of stage-1-30-blue, written by ProvisionCluster from helmfile/clusters.yaml.
            # Create: eksctl create cluster -f clusters/stage-1-30-blue.eksctl.yaml
            apiVersion: eksctl.io/v1alpha5
            kind: ClusterConfig
            metadata:
              name: stage-1-30-blue
              region: ap-northeast-1
              version: "1.30"
              tags:
                color: blue
                environment: stage
                managed-by: pipelines
            iam:
              withOIDC: true
            accessConfig:
              authenticationMode: API_AND_CONFIG_MAP
              accessEntries:
                - principalARN: arn:aws:iam::111122223333:role/pipelines-cd
                  kubernetesGroups:
                    - pipelines:cd
            managedNodeGroups:
              - name: general
                instanceTypes:
                  - m6i.large
                  - m5.large
                minSize: 2
                maxSize: 4
                desiredCapacity: 2
                volumeSize: 50
                labels:
                  role: general
              - name: spot
                instanceTypes:
                  - c6i.large
                minSize: 0
                maxSize: 3
                desiredCapacity: 0
                privateNetworking: true
                spot: true
            addons:
              - name: vpc-cni
              - name: coredns
              - name: kube-proxy
              - name: aws-ebs-csi-driver
                wellKnownPolicies:
                  ebsCSIController: true

            """.ReplaceLineEndings("\n"),
            yaml.ReplaceLineEndings("\n")
        );
    }

    [Fact]
    public void The_ClusterConfig_round_trips_through_yaml_to_the_same_model_and_bytes()
    {
        // Arrange
        var config = Config("1.34");
        var yaml = ClusterConfigYaml.Write(config, "clusters/x.yaml");

        // Act
        var read = ClusterConfigYaml.Read(yaml, "clusters/x.yaml");

        // Assert
        Assert.Equal(yaml, ClusterConfigYaml.Write(read, "clusters/x.yaml"));
        Assert.Equal(config.Metadata.Name, read.Metadata.Name);
        Assert.Equal("1.34", read.Metadata.Version);
        Assert.Equal(config.Metadata.Tags, read.Metadata.Tags);
        Assert.Equal(config.Addons.Select(a => a.Name), read.Addons.Select(a => a.Name));
        Assert.Equal(["ebsCSIController"], read.Addons[^1].WellKnownPolicies);
        Assert.Equal(
            config.ManagedNodeGroups[0].InstanceTypes,
            read.ManagedNodeGroups[0].InstanceTypes
        );
        Assert.Equal(
            config.ManagedNodeGroups.Select(Scalars),
            read.ManagedNodeGroups.Select(Scalars)
        );
        Assert.Equal(config.ManagedNodeGroups[0].Labels, read.ManagedNodeGroups[0].Labels);
        Assert.Equal(["pipelines:cd"], read.AccessEntries.Single().KubernetesGroups);
    }

    private static string Scalars(NodeGroupProfile g) =>
        $"{g.Name} {g.MinSize} {g.MaxSize} {g.DesiredCapacity} {g.VolumeSize} {g.Spot} {g.PrivateNetworking}";

    [Theory]
    [InlineData("1.28")]
    [InlineData("1.30")]
    [InlineData("1.34")]
    public void Every_generated_ClusterConfig_is_valid_against_eksctls_published_schema(
        string version
    )
    {
        // Arrange
        var yaml = ClusterConfigYaml.Write(Config(version), "clusters/x.yaml");

        // Act
        var errors = ClusterConfigSchema.Errors(yaml);

        // Assert
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_schema_check_catches_a_field_eksctl_does_not_know()
    {
        // Arrange
        var yaml = ClusterConfigYaml
            .Write(Config(), "clusters/x.yaml")
            .Replace("  withOIDC: true", "  withOidc: true", StringComparison.Ordinal);

        // Act
        var errors = ClusterConfigSchema.Errors(yaml);

        // Assert
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void A_ClusterConfig_with_a_field_outside_the_model_is_refused_naming_the_field()
    {
        // Arrange
        var yaml = ClusterConfigYaml
            .Write(Config(), "clusters/x.yaml")
            .Replace("iam:\n", "vpc:\n  cidr: 10.0.0.0/16\niam:\n", StringComparison.Ordinal);

        // Act
        var error = Assert.Throws<SourceLocatedException>(() =>
            ClusterConfigYaml.Read(yaml, "clusters/x.yaml")
        );

        // Assert
        Assert.Contains(
            "unknown field 'vpc'. Known: apiVersion, kind, metadata, iam, accessConfig, managedNodeGroups, addons.",
            error.Message
        );
        Assert.Equal("clusters/x.yaml", error.File);
        Assert.Equal((13, 1), (error.Line, error.Column));
    }

    [Fact]
    public void An_environment_without_node_groups_cannot_get_a_ClusterConfig_and_is_told_what_to_add()
    {
        // Arrange
        var bare = Stage with
        {
            NodeGroups = [],
        };

        // Act
        var error = Assert.Throws<UsageException>(() =>
            ClusterConfigFactory.Create(
                bare,
                "stage-1-34-blue",
                "eu-west-1",
                "1.34",
                ClusterColor.Blue
            )
        );

        // Assert
        Assert.Contains("has no nodeGroups in helmfile/clusters.yaml", error.Message);
        Assert.Contains("instanceTypes: [m6i.large]", error.Message);
    }
}
