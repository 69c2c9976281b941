using Pipelines.Clusters;
using Pipelines.Engine;
using Pipelines.Tests.Helmfile;

namespace Pipelines.Tests.Clusters;

/// <summary>
/// The smallest build with the lifecycle component, as build/Build.Clusters.cs composes it, with the test's day, a
/// PATH of the test's own (fake eksctl and aws, or nothing) and the helm the whole test run shares.
/// </summary>
internal sealed class LifecycleBuild(DateOnly today, string searchPath)
    : PipelineBuild,
        IClusterLifecycle
{
    DateOnly IClusterLifecycle.Today => today;

    ClusterTools IClusterLifecycle.ClusterTools => ClusterTools.FromPath(searchPath);

    AbsolutePath IClusterLifecycle.HelmToolsDirectory => HelmfileWorkspace.SharedTools;
}
