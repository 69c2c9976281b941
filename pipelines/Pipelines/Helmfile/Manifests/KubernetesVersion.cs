using System.Globalization;
using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Helmfile.Manifests;

/// <summary>
/// A Kubernetes minor release such as 1.33. Patch levels and vendor suffixes (<c>v1.33.2-eks-abc</c>,
/// <c>v1.31.4+k3s1</c>, <c>1.30-gke.100</c>) are ignored: APIs are removed only in minor releases.
/// </summary>
internal readonly partial record struct KubernetesVersion(int Major, int Minor)
    : IComparable<KubernetesVersion>
{
    /// <exception cref="UsageException">The text does not start with major.minor.</exception>
    public static KubernetesVersion Parse(string text)
    {
        var match = Pattern().Match(text);
        if (
            !match.Success
            || !int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(match.Groups[2].Value, CultureInfo.InvariantCulture, out var minor)
        )
        {
            throw new UsageException(
                $"'{text}' is not a Kubernetes version. Use major.minor, optionally with a 'v', patch "
                    + "and vendor suffix: 1.33, v1.33.2, v1.33.2-eks-abc."
            );
        }
        return new KubernetesVersion(major, minor);
    }

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

    [GeneratedRegex(@"^\s*v?(\d+)\.(\d+)(?:[.\-+].*)?\s*$")]
    private static partial Regex Pattern();
}
