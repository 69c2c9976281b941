using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Manifests;

namespace Pipelines.Clusters.Calendar;

/// <summary>Where an <see cref="EksCalendar"/> came from.</summary>
public enum EksCalendarSource
{
    /// <summary>Read just now with <c>aws eks describe-cluster-versions</c>.</summary>
    Live,

    /// <summary>Read with the AWS CLI earlier today and kept under <c>.nuke/temp</c>.</summary>
    Cache,

    /// <summary>The built-in table <see cref="EksVersions"/>, the offline fallback.</summary>
    Table,
}

/// <summary>
/// The EKS Kubernetes release calendar the lifecycle targets work with: the versions EKS offers and when their
/// standard and extended support end, with where it came from (<see cref="Origin"/>), which every target prints.
/// </summary>
/// <param name="Versions">Every version, in any order.</param>
/// <param name="Source">Live, cache or the built-in table.</param>
/// <param name="Origin">A sentence naming the source, e.g. "the built-in table ... (offline fallback: aws is not on PATH)".</param>
public sealed record EksCalendar(
    IReadOnlyList<EksVersion> Versions,
    EksCalendarSource Source,
    string Origin
)
{
    public const string TableFile = EksVersions.File;

    /// <summary>The built-in table, saying why it is used.</summary>
    public static EksCalendar Fallback(string reason) =>
        new(
            EksVersions.All,
            EksCalendarSource.Table,
            $"the built-in table {TableFile} (offline fallback: {reason})"
        );

    /// <summary>The newest version of the calendar: the default of ProvisionCluster and UpgradeBriefing.</summary>
    public EksVersion Newest => Versions.MaxBy(v => KubernetesVersion.Parse(v.Version))!;

    /// <summary>The row for <paramref name="version"/> (<c>1.35</c>, <c>v1.35</c>, <c>1.35.2</c>), or null.</summary>
    public EksVersion? Find(string version)
    {
        var parsed = KubernetesVersion.Parse(version).ToString();
        return Versions.FirstOrDefault(v => v.Version == parsed);
    }

    /// <summary>
    /// The version a target was asked for (the newest when <paramref name="requested"/> is null). A version the
    /// calendar lacks is a usage error listing the known ones, except one newer than the built-in table's newest when
    /// no live calendar could be read: EKS ships a version every few months and the table goes stale, so that is a
    /// warning naming the table, and the choice carries no support dates.
    /// </summary>
    public EksVersionChoice Choose(string? requested, string parameter = "--kube-version")
    {
        if (requested is null)
        {
            return new EksVersionChoice(Newest.Version, Newest, null);
        }
        KubernetesVersion parsed;
        try
        {
            parsed = KubernetesVersion.Parse(requested);
        }
        catch (UsageException)
        {
            throw Unknown(requested, parameter);
        }
        if (Find(parsed.ToString()) is { } known)
        {
            return new EksVersionChoice(known.Version, known, null);
        }
        if (Source == EksCalendarSource.Table && parsed > KubernetesVersion.Parse(Newest.Version))
        {
            return new EksVersionChoice(
                parsed.ToString(),
                null,
                $"{parameter} {requested}: Kubernetes {parsed} is newer than the newest version in {TableFile} "
                    + $"({Newest.Version}), and no live EKS calendar was read ({Origin}). Going on without its support "
                    + $"dates. Check that EKS offers {parsed} (aws eks describe-cluster-versions, or "
                    + "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html) and add its row to "
                    + $"{TableFile}."
            );
        }
        throw Unknown(requested, parameter);
    }

    private UsageException Unknown(string version, string parameter) =>
        new(
            $"{parameter} {version}: not a Kubernetes version EKS supports according to {Origin}. "
                + $"Known: {string.Join(", ", Versions.OrderBy(v => KubernetesVersion.Parse(v.Version)).Select(v => v.Version))} "
                + $"(newest {Newest.Version})."
        );
}

/// <summary>The Kubernetes version a target works with, its EKS support dates when known, and a warning to print.</summary>
/// <param name="Version"><c>major.minor</c>.</param>
/// <param name="Support">The calendar's row; null for a version newer than the offline table.</param>
/// <param name="Warning">Why the support dates are missing, or null.</param>
public sealed record EksVersionChoice(string Version, EksVersion? Support, string? Warning);
