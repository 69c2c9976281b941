using Pipelines.Clusters.Calendar;

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

    /// <summary>EKS's own word on the version (<c>STANDARD_SUPPORT</c>, <c>EXTENDED_SUPPORT</c>) when read live; null from the table.</summary>
    public string? Status { get; init; }
}

/// <summary>
/// The offline fallback of the EKS calendar (<see cref="Calendar.EksCalendar"/>): the versions the project knows EKS
/// supports, after the "Amazon EKS Kubernetes release calendar"
/// (https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html#kubernetes-release-calendar;
/// source: awsdocs/amazon-eks-user-guide, latest/ug/versioning/kubernetes-versions.adoc). The rows are data, kept in
/// <see cref="File"/> in the format of the live calendar's cache and read by the same reader; the file is embedded in
/// the assembly. Dates are UTC, as AWS gives them. When the AWS CLI and credentials are there, the lifecycle targets
/// read the calendar live (<c>aws eks describe-cluster-versions</c>) instead, so this table only has to be right
/// offline.
/// </summary>
/// <remarks>
/// Checked on 2026-12-05 (the file's <c>fetched</c>). 1.35: EKS release 2026-01-28, standard support until
/// 2027-03-27, extended until 2028-03-27 (endoflife.date/amazon-eks, which follows the AWS calendar; the same dates
/// are in AWS's sample-apex-skills EKS calendar, verified 2026-04-24). 1.36: the EKS release notes say "Kubernetes
/// 1.36 is now available in Amazon EKS" (kubernetes-versions-standard.html#kubernetes-1-36, June 2026), but no
/// source found gave its exact release and support dates, so it has no row: with no live calendar, a version newer
/// than the table is a warning, not a refusal. The newest row is the default of ProvisionCluster and
/// UpgradeBriefing offline.
/// </remarks>
internal static class EksVersions
{
    /// <summary>Where the table is kept, as the messages that ask for an update name it.</summary>
    public const string File = "pipelines/Pipelines/Clusters/Calendar/eks-versions.json";

    /// <summary>Oldest first. <see cref="EksCalendar.Fallback"/> serves them, with the calendar's lookups.</summary>
    public static IReadOnlyList<EksVersion> All { get; } = Load();

    private static IReadOnlyList<EksVersion> Load()
    {
        using var stream =
            typeof(EksVersions).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"{ResourceName} is not embedded in the assembly."
            );
        using var reader = new StreamReader(stream);
        return EksCalendarJson.ReadCache(reader.ReadToEnd()).Versions;
    }

    private const string ResourceName = "Pipelines.Clusters.EksVersions.json";
}
