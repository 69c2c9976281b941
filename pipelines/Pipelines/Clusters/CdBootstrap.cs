using Pipelines.Sync.Kube;

namespace Pipelines.Clusters;

/// <summary>
/// What a new cluster needs before the CD pipeline can sync it from Git: an identity for the pipeline and the rights
/// Sync uses. A ServiceAccount <c>kube-system/pipelines-cd</c> (for Sync run inside the cluster, <c>apiServer:
/// in-cluster</c>) and the group <c>pipelines:cd</c> (the generated CD workflow's IAM role, mapped by the EKS access
/// entry ProvisionCluster writes when the environment has <c>cdRole:</c>) are bound to the ClusterRole
/// <c>pipelines-cd</c> (<see cref="Cd"/>). Sync applies every kind a chart renders (CRDs, RBAC, namespaces) and prunes
/// what it applied, so the role is as wide as Argo CD's application controller's: every verb on every resource.
/// Narrow it here if your charts allow. The read-only jobs (drift, plans) get their own group,
/// <c>pipelines:read-only</c> (mapped from <c>readOnlyRole:</c>), bound to the ClusterRole <c>pipelines-read-only</c>
/// (<see cref="ReadOnly"/>): get, list and watch on every resource and nothing else, which is all <c>Sync --check</c>
/// does. The objects are applied by their own field manager, without Sync's tracking annotation, so no Sync --prune
/// ever removes them.
/// </summary>
internal static class CdBootstrap
{
    public const string Namespace = "kube-system";
    public const string FieldManager = "pipelines-bootstrap";

    /// <summary>The CD pipeline's role: every verb on every resource. Its ServiceAccount bears the same name.</summary>
    public static BootstrapRole Cd { get; } = new("pipelines-cd", "pipelines:cd", ["*"]);

    /// <summary>The read-only jobs' role: reads, never a write, a delete or an escalation.</summary>
    public static BootstrapRole ReadOnly { get; } =
        new("pipelines-read-only", "pipelines:read-only", ["get", "list", "watch"]);

    private const string Rbac = "rbac.authorization.k8s.io/v1";

    public static IReadOnlyList<Dictionary<string, object?>> Manifests(string cluster) =>
        [
            Object("v1", "ServiceAccount", Cd.Name, cluster, Namespace, []),
            .. Role(
                Cd,
                cluster,
                new Dictionary<string, object?>
                {
                    ["kind"] = "ServiceAccount",
                    ["name"] = Cd.Name,
                    ["namespace"] = Namespace,
                }
            ),
            .. Role(ReadOnly, cluster),
        ];

    /// <summary>The role's ClusterRole, and its binding to the role's group after any <paramref name="subjects"/>.</summary>
    private static IEnumerable<Dictionary<string, object?>> Role(
        BootstrapRole role,
        string cluster,
        params Dictionary<string, object?>[] subjects
    ) =>
        [
            Object(Rbac, "ClusterRole", role.Name, cluster, null, Rules(role.Verbs)),
            Object(
                Rbac,
                "ClusterRoleBinding",
                role.Name,
                cluster,
                null,
                Binding(role.Name, [.. subjects, GroupSubject(role.Group)])
            ),
        ];

    private static Dictionary<string, object?> Rules(IReadOnlyList<string> verbs) =>
        new()
        {
            ["rules"] = new List<object?>
            {
                new Dictionary<string, object?>
                {
                    ["apiGroups"] = new List<object?> { "*" },
                    ["resources"] = new List<object?> { "*" },
                    ["verbs"] = verbs.ToList<object?>(),
                },
            },
        };

    private static Dictionary<string, object?> Binding(
        string role,
        IReadOnlyList<Dictionary<string, object?>> subjects
    ) =>
        new()
        {
            ["roleRef"] = new Dictionary<string, object?>
            {
                ["apiGroup"] = "rbac.authorization.k8s.io",
                ["kind"] = "ClusterRole",
                ["name"] = role,
            },
            ["subjects"] = subjects.ToList<object?>(),
        };

    private static Dictionary<string, object?> GroupSubject(string group) =>
        new()
        {
            ["apiGroup"] = "rbac.authorization.k8s.io",
            ["kind"] = "Group",
            ["name"] = group,
        };

    /// <summary>Server-side applies the manifests; returns one line per object.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(
        ClusterApi api,
        string cluster,
        bool dryRun,
        CancellationToken cancellationToken
    )
    {
        var lines = new List<string>();
        foreach (var manifest in Manifests(cluster))
        {
            await api.ApplyAsync(manifest, force: true, dryRun, cancellationToken);
            lines.Add($"{manifest["kind"]} {Describe(manifest)}");
        }
        return lines;
    }

    private static string Describe(Dictionary<string, object?> manifest)
    {
        var metadata = (Dictionary<string, object?>)manifest["metadata"]!;
        return metadata.GetValueOrDefault("namespace") is string ns
            ? $"{ns}/{metadata["name"]}"
            : (string)metadata["name"]!;
    }

    private static Dictionary<string, object?> Object(
        string apiVersion,
        string kind,
        string name,
        string cluster,
        string? ns,
        Dictionary<string, object?> body
    )
    {
        var metadata = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["labels"] = new Dictionary<string, object?>
            {
                ["app.kubernetes.io/managed-by"] = FieldManager,
                ["pipelines/bootstrap-of"] = cluster,
            },
        };
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }
        var manifest = new Dictionary<string, object?>
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["metadata"] = metadata,
        };
        foreach (var (key, value) in body)
        {
            manifest[key] = value;
        }
        return manifest;
    }
}

/// <summary>
/// An identity the pipeline's jobs act as in a cluster: the ClusterRole <paramref name="Name"/> with
/// <paramref name="Verbs"/> on every resource, bound to the Kubernetes group <paramref name="Group"/>, which an EKS
/// access entry maps an IAM role to.
/// </summary>
internal sealed record BootstrapRole(string Name, string Group, IReadOnlyList<string> Verbs);
