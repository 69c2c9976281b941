using Pipelines.Clusters;
using Pipelines.Helmfile.Manifests;
using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.State;

namespace Pipelines.Benchmarks.Sync;

/// <summary>
/// A render built in memory, no helm: <c>releases</c> releases of one cluster, each in its own namespace, with
/// ConfigMaps, Services and Deployments in turn (shaped like charts/app renders them), <c>objects</c> in all.
/// </summary>
internal static class GeneratedRender
{
    public const string Environment = "bench";

    public static readonly ClusterDefinition Cluster = new()
    {
        Name = "bench-1-33-blue",
        Environment = Environment,
        KubernetesVersion = "1.33",
        Region = "ap-northeast-1",
        ApiServer = "http://127.0.0.1",
        Color = ClusterColor.Blue,
        State = ClusterState.Active,
    };

    public static RenderResult Create(int releases, int objects)
    {
        var perRelease = objects / releases;
        var rendered = Enumerable
            .Range(0, releases)
            .Select(r =>
            {
                var release = new ReleaseSpec
                {
                    Name = $"app-{r:D2}",
                    Namespace = $"team-{r:D2}",
                    Chart = "../charts/app",
                    DeclaredIn = "helmfile/helmfile.yaml",
                };
                var items = Enumerable
                    .Range(0, perRelease + (r < objects % releases ? 1 : 0))
                    .Select(i => Object(release.Namespace, release.Name, i))
                    .ToList();
                return new RenderedRelease(Cluster, release, items, FromCache: false);
            })
            .ToList();
        return new RenderResult(
            Environment,
            [new ClusterRender(Cluster, rendered.Select(r => r.Release).ToList(), rendered)],
            new DeclaredState(Environment, "helmfile/helmfile.yaml")
        );
    }

    private static ManifestObject Object(string ns, string release, int index)
    {
        var name = $"{release}-{index:D3}";
        var labels = new Dictionary<string, object?>
        {
            ["app.kubernetes.io/name"] = name,
            ["app.kubernetes.io/instance"] = release,
            ["app.kubernetes.io/managed-by"] = "Helm",
            ["helm.sh/chart"] = "app-0.1.0",
        };
        var (apiVersion, kind, body) = (index % 3) switch
        {
            0 => ("v1", "ConfigMap", ConfigMapBody(index)),
            1 => ("v1", "Service", ServiceBody(name)),
            _ => ("apps/v1", "Deployment", DeploymentBody(name, labels)),
        };
        var data = new Dictionary<string, object?>
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["metadata"] = new Dictionary<string, object?>
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = new Dictionary<string, object?>(labels),
            },
        };
        foreach (var (key, value) in body)
        {
            data[key] = value;
        }
        return new ManifestObject(
            apiVersion,
            kind,
            ns,
            name,
            $"app/templates/{kind.ToLowerInvariant()}.yaml",
            "",
            data
        );
    }

    private static Dictionary<string, object?> ConfigMapBody(int index) =>
        new()
        {
            ["data"] = Enumerable
                .Range(0, 8)
                .ToDictionary(k => $"SETTING_{k}", k => (object?)$"value-{index}-{k}"),
        };

    private static Dictionary<string, object?> ServiceBody(string name) =>
        new()
        {
            ["spec"] = new Dictionary<string, object?>
            {
                ["type"] = "ClusterIP",
                ["selector"] = new Dictionary<string, object?>
                {
                    ["app.kubernetes.io/name"] = name,
                },
                ["ports"] = new List<object?>
                {
                    new Dictionary<string, object?>
                    {
                        ["name"] = "http",
                        ["port"] = 80L,
                        ["targetPort"] = "http",
                        ["protocol"] = "TCP",
                    },
                },
            },
        };

    private static Dictionary<string, object?> DeploymentBody(
        string name,
        Dictionary<string, object?> labels
    ) =>
        new()
        {
            ["spec"] = new Dictionary<string, object?>
            {
                ["replicas"] = 2L,
                ["selector"] = new Dictionary<string, object?>
                {
                    ["matchLabels"] = new Dictionary<string, object?>
                    {
                        ["app.kubernetes.io/name"] = name,
                    },
                },
                ["template"] = new Dictionary<string, object?>
                {
                    ["metadata"] = new Dictionary<string, object?>
                    {
                        ["labels"] = new Dictionary<string, object?>(labels),
                    },
                    ["spec"] = new Dictionary<string, object?>
                    {
                        ["containers"] = new List<object?> { Container(name) },
                    },
                },
            },
        };

    private static Dictionary<string, object?> Container(string name) =>
        new()
        {
            ["name"] = "app",
            ["image"] = $"registry.example.com/{name}:1.4.2",
            ["args"] = new List<object?> { "--port", "8080" },
            ["ports"] = new List<object?>
            {
                new Dictionary<string, object?>
                {
                    ["name"] = "http",
                    ["containerPort"] = 8080L,
                    ["protocol"] = "TCP",
                },
            },
            ["env"] = new List<object?>
            {
                new Dictionary<string, object?> { ["name"] = "LOG_LEVEL", ["value"] = "info" },
                new Dictionary<string, object?> { ["name"] = "PORT", ["value"] = "8080" },
            },
            ["resources"] = new Dictionary<string, object?>
            {
                ["limits"] = new Dictionary<string, object?>
                {
                    ["cpu"] = "1000m",
                    ["memory"] = "1Gi",
                },
                ["requests"] = new Dictionary<string, object?>
                {
                    ["cpu"] = "0.5",
                    ["memory"] = "512Mi",
                },
            },
        };
}
