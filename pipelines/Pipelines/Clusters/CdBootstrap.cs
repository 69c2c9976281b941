using k8s;
using k8s.Models;
using Pipelines.Sync.Diff;
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

    private const string RbacGroup = "rbac.authorization.k8s.io";
    private const string Rbac = RbacGroup + "/v1";

    /// <summary>The objects, in apply order, in KubernetesClient's typed models.</summary>
    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects(string cluster) =>
        [
            new V1ServiceAccount
            {
                ApiVersion = "v1",
                Kind = V1ServiceAccount.KubeKind,
                Metadata = Metadata(Cd.Name, cluster, Namespace),
            },
            .. Role(
                Cd,
                cluster,
                new Rbacv1Subject
                {
                    Kind = V1ServiceAccount.KubeKind,
                    Name = Cd.Name,
                    NamespaceProperty = Namespace,
                }
            ),
            .. Role(ReadOnly, cluster),
        ];

    /// <summary>The role's ClusterRole, and its binding to the role's group after any <paramref name="subjects"/>.</summary>
    private static IEnumerable<IKubernetesObject<V1ObjectMeta>> Role(
        BootstrapRole role,
        string cluster,
        params Rbacv1Subject[] subjects
    ) =>
        [
            new V1ClusterRole
            {
                ApiVersion = Rbac,
                Kind = V1ClusterRole.KubeKind,
                Metadata = Metadata(role.Name, cluster),
                Rules =
                [
                    new V1PolicyRule
                    {
                        ApiGroups = ["*"],
                        Resources = ["*"],
                        Verbs = [.. role.Verbs],
                    },
                ],
            },
            new V1ClusterRoleBinding
            {
                ApiVersion = Rbac,
                Kind = V1ClusterRoleBinding.KubeKind,
                Metadata = Metadata(role.Name, cluster),
                RoleRef = new V1RoleRef
                {
                    ApiGroup = RbacGroup,
                    Kind = V1ClusterRole.KubeKind,
                    Name = role.Name,
                },
                Subjects =
                [
                    .. subjects,
                    new Rbacv1Subject
                    {
                        ApiGroup = RbacGroup,
                        Kind = "Group",
                        Name = role.Group,
                    },
                ],
            },
        ];

    /// <summary>Server-side applies the objects; returns one line per object.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(
        ClusterApi api,
        string cluster,
        bool dryRun,
        CancellationToken cancellationToken
    )
    {
        var lines = new List<string>();
        foreach (var item in Objects(cluster))
        {
            var manifest = JsonData.ParseObject(KubernetesJson.Serialize(item));
            await api.ApplyAsync(manifest, force: true, dryRun, cancellationToken);
            lines.Add($"{item.Kind} {Describe(item.Metadata)}");
        }
        return lines;
    }

    /// <summary><c>namespace/name</c>, or the name of a cluster-scoped object.</summary>
    private static string Describe(V1ObjectMeta metadata) =>
        metadata.NamespaceProperty is { } ns ? $"{ns}/{metadata.Name}" : metadata.Name;

    private static V1ObjectMeta Metadata(string name, string cluster, string? ns = null) =>
        new()
        {
            Name = name,
            NamespaceProperty = ns,
            Labels = new Dictionary<string, string>
            {
                ["app.kubernetes.io/managed-by"] = FieldManager,
                ["pipelines/bootstrap-of"] = cluster,
            },
        };
}

/// <summary>
/// An identity the pipeline's jobs act as in a cluster: the ClusterRole <paramref name="Name"/> with
/// <paramref name="Verbs"/> on every resource, bound to the Kubernetes group <paramref name="Group"/>, which an EKS
/// access entry maps an IAM role to.
/// </summary>
internal sealed record BootstrapRole(string Name, string Group, IReadOnlyList<string> Verbs);
