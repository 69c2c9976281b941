using Pipelines.Clusters;
using Pipelines.Helmfile.Selection;
using Pipelines.Helmfile.State;

namespace Pipelines.Tests.Clusters;

/// <summary>Clusters and releases built in memory for the lifecycle's pure logic.</summary>
internal static class Fixtures
{
    public static ReleaseSpec Release(string name, string tier, string? app = null)
    {
        var labels = new Dictionary<string, string> { ["tier"] = tier };
        if (app is not null)
        {
            labels["app"] = app;
        }
        return new ReleaseSpec
        {
            Name = name,
            Namespace = name,
            Chart = $"../charts/{name}",
            Labels = labels,
            DeclaredIn = "helmfile/helmfile.yaml",
        };
    }

    public static IReadOnlyList<AppReleases> Apps { get; } =
        AppCatalog.Of([
            Release("log-forwarder", "management"),
            Release("web", "app", "web"),
            Release("web-worker", "app", "web"),
            Release("api", "app", "api"),
        ]);

    public static AppReleases App(string name) => Apps.Single(a => a.Name == name);

    public static ClusterDefinition Cluster(
        string version,
        ClusterColor color,
        params string[] carries
    ) =>
        new()
        {
            Name = ClusterNaming.Name("stage", version, color),
            Environment = "stage",
            KubernetesVersion = version,
            Region = "eu-west-1",
            KubeContext = ClusterNaming.Name("stage", version, color),
            Color = color,
            State = ClusterState.Active,
            Carries = carries.Select(ReleaseSelector.Parse).ToList(),
        };
}
