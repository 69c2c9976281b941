using System.Globalization;
using Pipelines.Engine;
using Pipelines.Helmfile.Manifests;

namespace Pipelines.Clusters;

/// <summary>One Kubernetes minor version as Amazon EKS ships it, with the dates its support ends.</summary>
/// <param name="Version"><c>major.minor</c>, e.g. <c>1.34</c>.</param>
/// <param name="EksRelease">The day EKS started offering it.</param>
/// <param name="EndOfStandardSupport">After this day the version costs extended-support fees.</param>
/// <param name="EndOfExtendedSupport">After this day EKS upgrades the control plane itself; no new clusters.</param>
public sealed record EksVersion(
    string Version,
    DateOnly EksRelease,
    DateOnly EndOfStandardSupport,
    DateOnly EndOfExtendedSupport
)
{
    /// <summary>Days from <paramref name="today"/> to the end of standard support; negative once it is over.</summary>
    public int DaysOfStandardSupportLeft(DateOnly today) =>
        EndOfStandardSupport.DayNumber - today.DayNumber;

    /// <summary>Whether EKS still creates clusters of this version on <paramref name="today"/> (standard or extended).</summary>
    public bool CanCreateOn(DateOnly today) => today < EndOfExtendedSupport;
}

/// <summary>
/// The Kubernetes versions the project knows EKS supports, after the "Amazon EKS Kubernetes release calendar"
/// (https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html#kubernetes-release-calendar;
/// source: awsdocs/amazon-eks-user-guide, latest/ug/versioning/kubernetes-versions.adoc). Checked on 2026-11-30.
/// Dates are UTC, as AWS gives them. When EKS ships a new version, add a row here: the newest row is the
/// default of ProvisionCluster and UpgradeBriefing.
/// </summary>
public static class EksVersions
{
    /// <summary>Oldest first.</summary>
    public static IReadOnlyList<EksVersion> All { get; } =
    [
        Row("1.24", "2022-11-15", "2024-01-31", "2025-01-31"),
        Row("1.25", "2023-02-22", "2024-05-01", "2025-05-01"),
        Row("1.26", "2023-04-11", "2024-06-11", "2025-06-11"),
        Row("1.27", "2023-05-24", "2024-07-24", "2025-07-24"),
        Row("1.28", "2023-09-26", "2024-11-26", "2025-11-26"),
        Row("1.29", "2024-01-23", "2025-03-23", "2026-03-23"),
        Row("1.30", "2024-05-23", "2025-07-23", "2026-07-23"),
        Row("1.31", "2024-09-26", "2025-11-26", "2026-11-26"),
        Row("1.32", "2025-01-23", "2026-03-23", "2027-03-23"),
        Row("1.33", "2025-05-29", "2026-07-29", "2027-07-29"),
        Row("1.34", "2025-10-02", "2026-12-02", "2027-12-02"),
    ];

    /// <summary>The newest version the project knows EKS supports.</summary>
    public static EksVersion Newest => All[^1];

    /// <summary>The row for <paramref name="version"/> (<c>1.34</c>, <c>v1.34</c>, <c>1.34.2</c>), or null when the table lacks it.</summary>
    public static EksVersion? Find(string version)
    {
        var parsed = KubernetesVersion.Parse(version).ToString();
        return All.FirstOrDefault(v => v.Version == parsed);
    }

    /// <summary>The row for <paramref name="version"/>; an unknown one is a usage error listing the known versions.</summary>
    public static EksVersion Get(string version, string parameter = "--kube-version")
    {
        KubernetesVersion parsed;
        try
        {
            parsed = KubernetesVersion.Parse(version);
        }
        catch (UsageException)
        {
            throw Unknown(version, parameter);
        }
        return All.FirstOrDefault(v => v.Version == parsed.ToString())
            ?? throw Unknown(version, parameter);
    }

    private static UsageException Unknown(string version, string parameter) =>
        new(
            $"{parameter} {version}: not a Kubernetes version this project knows EKS supports. "
                + $"Known: {string.Join(", ", All.Select(v => v.Version))} (newest {Newest.Version}; "
                + "the table is pipelines/Clusters/EksVersions.cs, after the Amazon EKS Kubernetes release calendar)."
        );

    private static EksVersion Row(
        string version,
        string release,
        string endOfStandard,
        string endOfExtended
    ) => new(version, Date(release), Date(endOfStandard), Date(endOfExtended));

    private static DateOnly Date(string text) =>
        DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
