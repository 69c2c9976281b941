using Pipelines.Tools;

namespace Pipelines.Tests.Charts;

/// <summary>
/// The management applications SRE installs into every new cluster: the log forwarder (the fluentd role) and the
/// metrics agent (the Datadog role).
/// </summary>
public sealed class ManagementChartTests
{
    public static TheoryData<string, string> ChartsAndVersions =>
        new()
        {
            { "log-forwarder", "1.33" },
            { "log-forwarder", "1.18" },
            { "metrics-agent", "1.33" },
            { "metrics-agent", "1.18" },
        };

    [Theory]
    [MemberData(nameof(ChartsAndVersions))]
    public async Task Every_object_and_every_pod_is_labelled_tier_management(
        string chart,
        string kubeVersion
    )
    {
        // Act
        var manifests = await TestHelm.RenderAsync(chart, kubeVersion);

        // Assert
        Assert.NotEmpty(manifests);
        Assert.All(manifests, m => Assert.Equal("management", m.Labels.GetValueOrDefault("tier")));
        Assert.Equal(
            "management",
            manifests.Single("DaemonSet").Get("spec", "template", "metadata", "labels", "tier")
        );
    }

    [Theory]
    [InlineData("log-forwarder")]
    [InlineData("metrics-agent")]
    public async Task Old_and_new_clusters_get_the_same_version_independent_apis(string chart)
    {
        // Act
        var old = await TestHelm.RenderAsync(chart, "1.16");
        var current = await TestHelm.RenderAsync(chart, "v1.35.0-eks-1");

        // Assert
        string[] expected =
        [
            "ClusterRole rbac.authorization.k8s.io/v1",
            "ClusterRoleBinding rbac.authorization.k8s.io/v1",
            "DaemonSet apps/v1",
            "ServiceAccount v1",
        ];
        Assert.Equal(expected, Kinds(current).Where(k => !k.StartsWith("ConfigMap")));
        Assert.Equal(Kinds(current), Kinds(old));
    }

    [Fact]
    public async Task The_log_forwarder_tails_var_log_on_every_node_and_reads_pod_metadata()
    {
        // Act
        var manifests = await TestHelm.RenderAsync("log-forwarder", "1.33");

        // Assert
        var pod = new Manifest(
            (Dictionary<string, object?>)
                manifests.Single("DaemonSet").Get("spec", "template", "spec")!
        );
        Assert.Equal("Exists", pod.Get("tolerations", 0, "operator"));
        Assert.Null(pod.Get("tolerations", 0, "key"));
        Assert.Equal("/var/log", pod.Get("volumes", 1, "hostPath", "path"));
        Assert.Equal("/var/log", pod.Get("containers", 0, "volumeMounts", 1, "mountPath"));
        Assert.Equal(true, pod.Get("containers", 0, "volumeMounts", 1, "readOnly"));
        var rule = manifests.Single("ClusterRole");
        Assert.Equal(new List<object?> { "pods", "namespaces" }, rule.Get("rules", 0, "resources"));
        Assert.Equal(new List<object?> { "get", "list", "watch" }, rule.Get("rules", 0, "verbs"));
        var config = (string)manifests.Single("ConfigMap").Get("data", "fluent-bit.conf")!;
        Assert.Contains("Path              /var/log/containers/*.log", config);
        Assert.Contains("Name                kubernetes", config);
    }

    [Theory]
    [InlineData("1.23", true)]
    [InlineData("1.24", false)]
    public async Task The_log_forwarder_mounts_docker_containers_only_while_clusters_had_dockershim(
        string kubeVersion,
        bool mounted
    )
    {
        // Act
        var text = await TestHelm.TemplateAsync("log-forwarder", kubeVersion);

        // Assert
        Assert.Equal(mounted, text.Contains("/var/lib/docker/containers"));
    }

    [Fact]
    public async Task The_log_forwarder_writes_each_output_with_name_and_match_first()
    {
        // Act
        var manifests = await TestHelm.RenderAsync(
            "log-forwarder",
            "1.33",
            """
            clusterName: prod-1-33
            config:
              outputs:
                - name: cloudwatch_logs
                  region: ap-northeast-1
                  log_group_name: /eks/containers
            """
        );

        // Assert
        var config = (string)manifests.Single("ConfigMap").Get("data", "fluent-bit.conf")!;
        Assert.Contains(
            "[OUTPUT]\n    Name  cloudwatch_logs\n    Match kube.*\n    log_group_name /eks/containers\n    region ap-northeast-1",
            config
        );
        Assert.Contains("Add   cluster prod-1-33", config);
    }

    [Fact]
    public async Task The_metrics_agent_reads_the_api_key_from_an_existing_secret()
    {
        // Act
        var manifests = await TestHelm.RenderAsync(
            "metrics-agent",
            "1.33",
            "apiKey: {existingSecret: dd-keys, key: api}"
        );

        // Assert
        var container = new Manifest(
            (Dictionary<string, object?>)
                manifests.Single("DaemonSet").Get("spec", "template", "spec", "containers", 0)!
        );
        Assert.Equal("DD_API_KEY", container.Get("env", 0, "name"));
        Assert.Equal("dd-keys", container.Get("env", 0, "valueFrom", "secretKeyRef", "name"));
        Assert.Equal("api", container.Get("env", 0, "valueFrom", "secretKeyRef", "key"));
        Assert.Null(container.Get("env", 0, "value"));
        Assert.False(manifests.Has("Secret"));
    }

    [Theory]
    [InlineData(
        "apiKey: 0123456789abcdef0123456789abcdef",
        "at '/apiKey': got string, want object"
    )]
    [InlineData("apiKey: {value: 0123456789abcdef}", "additional properties 'value' not allowed")]
    [InlineData("apiKey: {existingSecret: ''}", "at '/apiKey/existingSecret'")]
    public async Task The_metrics_agent_refuses_an_api_key_written_into_values(
        string values,
        string error
    )
    {
        // Act
        var exception = await Assert.ThrowsAsync<ToolException>(() =>
            TestHelm.RenderAsync("metrics-agent", "1.33", values)
        );

        // Assert
        Assert.Contains(error, exception.Message);
    }

    [Fact]
    public async Task The_metrics_agent_receives_dogstatsd_on_a_udp_host_port()
    {
        // Act
        var manifests = await TestHelm.RenderAsync("metrics-agent", "1.33");

        // Assert
        var port = new Manifest(
            (Dictionary<string, object?>)
                manifests
                    .Single("DaemonSet")
                    .Get("spec", "template", "spec", "containers", 0, "ports", 0)!
        );
        Assert.Equal("dogstatsd", port.Get("name"));
        Assert.Equal(8125L, port.Get("containerPort"));
        Assert.Equal(8125L, port.Get("hostPort"));
        Assert.Equal("UDP", port.Get("protocol"));
    }

    private static List<string> Kinds(IEnumerable<Manifest> manifests) =>
        manifests.Select(m => $"{m.Kind} {m.ApiVersion}").Order(StringComparer.Ordinal).ToList();
}
