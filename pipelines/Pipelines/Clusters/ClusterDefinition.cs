using Pipelines.Helmfile.Selection;
using Pipelines.Helmfile.State;

namespace Pipelines.Clusters;

/// <summary>
/// One immutable cluster, as <c>helmfile/clusters.yaml</c> declares it: named <c>&lt;env&gt;-&lt;major&gt;-&lt;minor&gt;-&lt;color&gt;</c>,
/// with its Kubernetes version, where to reach it, its lifecycle state and which releases it carries.
/// </summary>
public sealed record ClusterDefinition
{
    public required string Name { get; init; }
    public required string Environment { get; init; }

    /// <summary><c>major.minor</c>, e.g. <c>1.33</c>.</summary>
    public required string KubernetesVersion { get; init; }
    public required string Region { get; init; }
    public string? KubeContext { get; init; }
    public string? ApiServer { get; init; }
    public required ClusterColor Color { get; init; }
    public required ClusterState State { get; init; }

    /// <summary>Selectors (any one matching) for the releases the cluster carries; empty means every release.</summary>
    public IReadOnlyList<ReleaseSelector> Carries { get; init; } = [];

    /// <summary>Extra API versions the cluster serves (CRDs), passed to <c>helm template --api-versions</c>.</summary>
    public IReadOnlyList<string> ApiVersions { get; init; } = [];

    /// <summary>The day ProvisionCluster created it (<c>provisioned:</c>), when known.</summary>
    public DateOnly? Provisioned { get; init; }

    /// <summary>
    /// The day every app should run here (<c>deadline:</c>; default <see cref="Provisioned"/> plus
    /// <see cref="DefaultMigrationWindow"/>). ClusterStatus flags apps not here once it has passed.
    /// </summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>How many days app teams get to move to a new cluster when nothing else is said: six weeks.</summary>
    public const int DefaultMigrationWindow = 42;

    public bool CarriesRelease(ReleaseSpec release) => ReleaseSelector.AnyMatches(Carries, release);

    /// <summary>Retired clusters are kept in the file for history but get nothing rendered or synced.</summary>
    public bool IsLive => State != ClusterState.Retired;
}

public enum ClusterColor
{
    Blue,
    Green,
}

/// <summary>A cluster's place in the blue/green lifecycle.</summary>
public enum ClusterState
{
    /// <summary>Receives syncs and traffic.</summary>
    Active,

    /// <summary>Still synced while its apps move to the new cluster.</summary>
    Draining,

    /// <summary>Gone: nothing is rendered or synced for it.</summary>
    Retired,
}
