using Pipelines.Sync.Kube;

namespace Pipelines.Clusters;

/// <summary>
/// What a new cluster needs before the CD pipeline can sync it from Git: an identity for the pipeline and the rights
/// Sync uses. A ServiceAccount <c>kube-system/pipelines-cd</c> (for Sync run inside the cluster, <c>apiServer:
/// in-cluster</c>) and the group <see cref="Group"/> (the generated CD workflow's IAM role, mapped by the EKS access
/// entry ProvisionCluster writes when the environment has <c>cdRole:</c>) are bound to the ClusterRole
/// <c>pipelines-cd</c>. Sync applies every kind a chart renders (CRDs, RBAC, namespaces) and prunes what it applied,
/// so the role is as wide as Argo CD's application controller's: every verb on every resource. Narrow it here if
/// your charts allow. The objects are applied by their own field manager, without Sync's tracking annotation, so
/// no Sync --prune ever removes them.
/// </summary>
public static class CdBootstrap
{
    public const string Name = "pipelines-cd";
    public const string Namespace = "kube-system";
    public const string Group = "pipelines:cd";
    public const string FieldManager = "pipelines-bootstrap";

    public static IReadOnlyList<Dictionary<string, object?>> Manifests(string cluster) =>
        [
            Object("v1", "ServiceAccount", cluster, Namespace, []),
            Object(
                "rbac.authorization.k8s.io/v1",
                "ClusterRole",
                cluster,
                null,
                new()
                {
                    ["rules"] = new List<object?>
                    {
                        new Dictionary<string, object?>
                        {
                            ["apiGroups"] = new List<object?> { "*" },
                            ["resources"] = new List<object?> { "*" },
                            ["verbs"] = new List<object?> { "*" },
                        },
                    },
                }
            ),
            Object(
                "rbac.authorization.k8s.io/v1",
                "ClusterRoleBinding",
                cluster,
                null,
                new()
                {
                    ["roleRef"] = new Dictionary<string, object?>
                    {
                        ["apiGroup"] = "rbac.authorization.k8s.io",
                        ["kind"] = "ClusterRole",
                        ["name"] = Name,
                    },
                    ["subjects"] = new List<object?>
                    {
                        new Dictionary<string, object?>
                        {
                            ["kind"] = "ServiceAccount",
                            ["name"] = Name,
                            ["namespace"] = Namespace,
                        },
                        new Dictionary<string, object?>
                        {
                            ["apiGroup"] = "rbac.authorization.k8s.io",
                            ["kind"] = "Group",
                            ["name"] = Group,
                        },
                    },
                }
            ),
        ];

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
        string cluster,
        string? ns,
        Dictionary<string, object?> body
    )
    {
        var metadata = new Dictionary<string, object?>
        {
            ["name"] = Name,
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
