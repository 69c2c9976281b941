using Pipelines.Failures;

namespace Pipelines.Helmfile.Manifests;

/// <summary>An API version of one kind that Kubernetes stopped serving.</summary>
/// <param name="Group">The API group, e.g. <c>networking.k8s.io</c>; <c>extensions</c>, <c>apps</c> and so on as written.</param>
/// <param name="Version">E.g. <c>v1beta1</c>.</param>
/// <param name="Kind">E.g. <c>Ingress</c>.</param>
/// <param name="RemovedIn">The first minor release that no longer serves it, e.g. <c>1.22</c>.</param>
/// <param name="Replacement">The apiVersion to migrate to, or empty when there is none (PodSecurityPolicy).</param>
/// <param name="Note">What changes on migration, or what to do instead when there is no replacement.</param>
internal sealed record RemovedApi(
    string Group,
    string Version,
    string Kind,
    string RemovedIn,
    string Replacement,
    string? Note
)
{
    /// <summary><c>group/version</c>, as written in a manifest's apiVersion.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public bool HasReplacement => Replacement.Length > 0;
}

/// <summary>
/// The APIs removed from Kubernetes from 1.16 through <see cref="CheckedThrough"/>, after the Deprecated API
/// Migration Guide (https://kubernetes.io/docs/reference/using-api/deprecation-guide/).
/// </summary>
/// <remarks>
/// Checked on 2026-12-05. The guide's newest removal is 1.32 (flowcontrol.apiserver.k8s.io/v1beta3); 1.33, 1.34,
/// 1.35 and 1.36 stopped serving no API version. 1.36 disables the gitRepo volume type (KEP-5040; the API still
/// accepts such Pods, the kubelet refuses to run them) and deprecates Service .spec.externalIPs: neither is an
/// apiVersion/kind this table can match, so neither is a row.
/// </remarks>
internal static partial class RemovedApis
{
    /// <summary>The newest Kubernetes minor whose removals this table was checked against.</summary>
    public const string CheckedThrough = "1.36";

    /// <summary>Whether a cluster at <paramref name="clusterVersion"/> may lack APIs this table does not know of.</summary>
    public static bool IsBeyondTable(string clusterVersion) =>
        KubernetesVersion.Parse(clusterVersion) > KubernetesVersion.Parse(CheckedThrough);

    /// <summary>Every removed API version and kind, oldest removal first.</summary>
    public static IReadOnlyList<RemovedApi> All { get; } = Table().ToList();

    private static readonly Dictionary<(string ApiVersion, string Kind), RemovedApi> ByApi =
        All.ToDictionary(api => (api.ApiVersion, api.Kind));

    /// <summary>
    /// The removal that affects <paramref name="apiVersion"/> <paramref name="kind"/> on a cluster of
    /// <paramref name="clusterVersion"/> (<c>1.33</c>, <c>v1.33.2-eks-abc</c>), or null when the cluster still serves it.
    /// </summary>
    /// <exception cref="Failures.UsageException"><paramref name="clusterVersion"/> is not a Kubernetes version.</exception>
    public static RemovedApi? Find(string apiVersion, string kind, string clusterVersion) =>
        Find(apiVersion, kind, KubernetesVersion.Parse(clusterVersion));

    /// <inheritdoc cref="Find(string, string, string)"/>
    public static RemovedApi? Find(
        string apiVersion,
        string kind,
        KubernetesVersion clusterVersion
    ) =>
        ByApi.TryGetValue((apiVersion, kind), out var api)
        && clusterVersion >= KubernetesVersion.Parse(api.RemovedIn)
            ? api
            : null;

    /// <summary>One entry per kind of <paramref name="apiVersion"/>.</summary>
    private static IEnumerable<RemovedApi> Removed(
        string removedIn,
        string apiVersion,
        string replacement,
        string? note,
        params string[] kinds
    )
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? "" : apiVersion[..slash];
        var version = apiVersion[(slash + 1)..];
        return kinds.Select(kind => new RemovedApi(
            group,
            version,
            kind,
            removedIn,
            replacement,
            note
        ));
    }
}
