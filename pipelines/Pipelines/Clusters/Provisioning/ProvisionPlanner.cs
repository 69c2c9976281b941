using Pipelines.Clusters.Calendar;
using Pipelines.Clusters.Editing;
using Pipelines.Clusters.Eksctl;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Selection;

namespace Pipelines.Clusters.Provisioning;

/// <summary>What ProvisionCluster was asked: <c>--env</c>, <c>--kube-version</c>, <c>--name</c>, <c>--deadline</c>.</summary>
internal sealed record ProvisionRequest(
    string Environment,
    string? KubeVersion = null,
    string? Name = null,
    string? Deadline = null
);

/// <summary>
/// Works out and checks a new cluster before anything happens: the version is one EKS still creates, the name
/// follows the convention and is free, the environment keeps at most two live clusters, the environment has node
/// groups. Every refusal is a usage error that names the fix.
/// </summary>
internal static class ProvisionPlanner
{
    public const int MaxLiveClusters = 2;

    /// <summary>The management releases every new cluster carries from the start.</summary>
    public const string ManagementSelector = "tier=management";

    public static ProvisionPlan Plan(
        ProvisionRequest request,
        ClusterLifecycleSettings settings,
        EksCalendar calendar
    )
    {
        var text = File.Exists(settings.ClustersFile)
            ? File.ReadAllText(settings.ClustersFile)
            : "";
        var environments = settings.LoadEnvironments();
        var environment = NameLookup.Find(
            environments,
            e => e.Name,
            request.Environment,
            $"--env {request.Environment}: {settings.RelativeClustersFile} declares no such environment.",
            "Environments"
        );
        var today = settings.Today;
        var version = calendar.Choose(request.KubeVersion);
        if (version.Support is { } known && !known.CanCreateOn(today))
        {
            throw new UsageException(
                $"--kube-version {known.Version}: EKS stopped creating {known.Version} clusters when its extended "
                    + $"support ended on {known.EndOfExtendedSupport:yyyy-MM-dd} ({calendar.Origin}). Use {calendar.Newest.Version}."
            );
        }
        var color = request.Name is { } given
            ? ClusterNaming.ColorOf(given, environment.Name, version.Version)
            : ClusterNaming.NextColor(environment.Clusters);
        var name = ClusterNaming.Name(environment.Name, version.Version, color);
        var checks = new List<string> { Support(version, today, calendar) };
        checks.Add(CheckName(environments, name, settings.RelativeClustersFile));
        checks.Add(CheckLimit(environment, name));
        var region =
            environment.Region
            ?? throw new UsageException(
                $"Environment '{environment.Name}' sets no region in {settings.RelativeClustersFile}; add 'region:' to it."
            );
        var cluster = new ClusterDefinition
        {
            Name = name,
            Environment = environment.Name,
            KubernetesVersion = version.Version,
            Region = region,
            KubeContext = name,
            Color = color,
            State = ClusterState.Active,
            Carries = [ReleaseSelector.Parse(ManagementSelector)],
            Provisioned = today,
            Deadline = MigrationDeadline.Parse(request.Deadline, today),
        };
        var config = ClusterConfigFactory.Create(environment, name, region, version.Version, color);
        var after = ClustersYamlEditor.Apply(text, settings.RelativeClustersFile, [Entry(cluster)]);
        return new ProvisionPlan(environment, version, cluster, text, after, checks, config);
    }

    /// <summary>The new cluster's entry, appended after the environment's last cluster.</summary>
    public static AppendMapping Entry(ClusterDefinition cluster) =>
        new(
            $"environments.{cluster.Environment}.clusters",
            [
                new("name", cluster.Name),
                new("kubernetesVersion", cluster.KubernetesVersion),
                new("kubeContext", cluster.KubeContext!),
                new("color", cluster.Color.ToString().ToLowerInvariant()),
                new("state", "active"),
                new("provisioned", cluster.Provisioned!.Value.ToString("yyyy-MM-dd", null)),
                new("deadline", cluster.Deadline!.Value.ToString("yyyy-MM-dd", null)),
                new(
                    "carries",
                    (IReadOnlyList<string>)[.. cluster.Carries.Select(c => c.ToString())]
                ),
            ]
        );

    private static string Support(EksVersionChoice choice, DateOnly today, EksCalendar calendar)
    {
        if (choice.Support is not { } version)
        {
            return $"Kubernetes {choice.Version}: support dates unknown, not in {calendar.Origin}";
        }
        var days = version.DaysOfStandardSupportLeft(today);
        return days >= 0
            ? $"Kubernetes {version.Version}: EKS standard support until {version.EndOfStandardSupport:yyyy-MM-dd} ({days} days left)"
            : $"Kubernetes {version.Version}: standard support ended {version.EndOfStandardSupport:yyyy-MM-dd}; extended support (extra cost) until {version.EndOfExtendedSupport:yyyy-MM-dd}";
    }

    private static string CheckName(
        IReadOnlyList<ClusterEnvironment> environments,
        string name,
        string file
    )
    {
        var existing = environments.SelectMany(e => e.Clusters).FirstOrDefault(c => c.Name == name);
        if (existing is not null)
        {
            throw new UsageException(
                $"Cluster name {name} is already in {file} (environment {existing.Environment}, state "
                    + $"{existing.State.ToString().ToLowerInvariant()}); cluster names are never reused. Choose the other "
                    + "color with --name, or another --kube-version."
            );
        }
        return $"name {name}: not used in {file}";
    }

    private static string CheckLimit(ClusterEnvironment environment, string name)
    {
        var live = environment.Live;
        if (live.Count >= MaxLiveClusters)
        {
            var oldest = live.OrderBy(c =>
                    Helmfile.Manifests.KubernetesVersion.Parse(c.KubernetesVersion)
                )
                .First();
            throw new UsageException(
                $"Environment '{environment.Name}' already has {live.Count} live clusters ("
                    + string.Join(
                        ", ",
                        live.Select(c => $"{c.Name} {c.State.ToString().ToLowerInvariant()}")
                    )
                    + $"); it may hold at most {MaxLiveClusters} that are not retired. Move its apps off the oldest and "
                    + $"retire it first: ./build.sh RetireCluster --name {oldest.Name}"
            );
        }
        return $"{environment.Name}: {live.Count} live cluster(s){(live.Count == 0 ? "" : $" ({string.Join(", ", live.Select(c => c.Name))})")}; with {name}, {live.Count + 1} of at most {MaxLiveClusters}";
    }
}
