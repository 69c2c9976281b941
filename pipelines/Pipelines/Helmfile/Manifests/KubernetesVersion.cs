using System.Globalization;
using Pipelines.Engine;
using Pipelines.Failures;
using Semver;

namespace Pipelines.Helmfile.Manifests;

/// <summary>
/// A Kubernetes minor release such as 1.33. Patch levels and vendor suffixes (<c>v1.33.2-eks-abc</c>,
/// <c>v1.31.4+k3s1</c>, <c>1.30-gke.100</c>) are parsed (as semantic versions) and ignored in comparisons: APIs are
/// removed only in minor releases.
/// </summary>
internal readonly record struct KubernetesVersion(int Major, int Minor)
    : IComparable<KubernetesVersion>
{
    /// <exception cref="UsageException">The text does not start with major.minor.</exception>
    public static KubernetesVersion Parse(string text)
    {
        // Semantic versioning with a 'v' and the patch optional: v1.33.2-eks-abc, 1.30-gke.100, v1.31.4+k3s1, 1.33.
        if (
            !SemVersion.TryParse(text, Styles, out var version)
            || version.Major > int.MaxValue
            || version.Minor > int.MaxValue
        )
        {
            throw new UsageException(
                $"'{text}' is not a Kubernetes version. Use major.minor, optionally with a 'v', patch "
                    + "and vendor suffix: 1.33, v1.33.2, v1.33.2-eks-abc."
            );
        }
        return new KubernetesVersion((int)version.Major, (int)version.Minor);
    }

    private const SemVersionStyles Styles =
        SemVersionStyles.AllowV
        | SemVersionStyles.OptionalPatch
        | SemVersionStyles.AllowWhitespace
        | SemVersionStyles.AllowLeadingZeros;

    public int CompareTo(KubernetesVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator >=(KubernetesVersion left, KubernetesVersion right) =>
        left.CompareTo(right) >= 0;

    public static bool operator <=(KubernetesVersion left, KubernetesVersion right) =>
        left.CompareTo(right) <= 0;

    public static bool operator >(KubernetesVersion left, KubernetesVersion right) =>
        left.CompareTo(right) > 0;

    public static bool operator <(KubernetesVersion left, KubernetesVersion right) =>
        left.CompareTo(right) < 0;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");
}
