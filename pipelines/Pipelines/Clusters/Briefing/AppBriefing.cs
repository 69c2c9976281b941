using Pipelines.Helmfile.Manifests;

namespace Pipelines.Clusters.Briefing;

/// <summary>What one app's team needs to know about a version move.</summary>
/// <param name="App">The app and its releases.</param>
/// <param name="From">The cluster it runs on now (the newest below the new version), or null when it already runs at it.</param>
/// <param name="Diff">Unified diff of its rendered manifests, old version against new; empty when they are the same.</param>
/// <param name="Removed">Objects using APIs the new version no longer serves (each blocks the move).</param>
/// <param name="Deprecated">APIs it uses that the new version still serves but a later one removes.</param>
internal sealed record AppBriefing(
    AppReleases App,
    ClusterDefinition? From,
    string Diff,
    IReadOnlyList<RemovedApiFinding> Removed,
    IReadOnlyList<DeprecatedUse> Deprecated
);

/// <summary>An object using an API scheduled for removal after the new version.</summary>
internal sealed record DeprecatedUse(
    string Release,
    string Kind,
    string Name,
    string ApiVersion,
    string RemovedIn,
    string Replacement
);

/// <summary>The briefing of one environment's move to a version: the target cluster and every app.</summary>
/// <param name="Environment">The environment, e.g. <c>stage</c>.</param>
/// <param name="Version">The new Kubernetes version, <c>major.minor</c>.</param>
/// <param name="Target">The cluster at the new version: the live one, or the one ProvisionCluster would create.</param>
/// <param name="Provisioned">Whether <paramref name="Target"/> exists in clusters.yaml yet.</param>
/// <param name="Support">The version's EKS support dates; null for a version newer than the offline table.</param>
/// <param name="Apps">One briefing per app, management apps first.</param>
internal sealed record UpgradeBriefingReport(
    string Environment,
    string Version,
    ClusterDefinition Target,
    bool Provisioned,
    EksVersion? Support,
    IReadOnlyList<AppBriefing> Apps
);
