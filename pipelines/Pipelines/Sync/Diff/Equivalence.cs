using System.Collections.Frozen;

namespace Pipelines.Sync.Diff;

/// <summary>How a scalar is compared: as text, as a resource quantity, or as base64 Secret bytes.</summary>
internal enum ValueContext
{
    Plain,
    Quantity,
    SecretData,
}

/// <summary>
/// When a desired value and a live value mean the same thing although they are spelled differently. The sets below
/// are the knowledge of Kubernetes' Go types that a schema-less comparison needs to avoid phantom drift.
/// </summary>
internal static class Equivalence
{
    /// <summary>Maps whose values are resource quantities (<c>resources.limits/requests</c>, quota <c>hard</c>, ...).</summary>
    private static readonly FrozenSet<string> QuantityMaps = Set(
        "limits requests hard capacity allocatable overhead min max default defaultRequest maxLimitRequestRatio"
    );

    /// <summary>Single fields holding a quantity (emptyDir <c>sizeLimit</c>, Kueue quotas).</summary>
    private static readonly FrozenSet<string> QuantityFields = Set(
        "sizeLimit nominalQuota borrowingLimit lendingLimit"
    );

    /// <summary>
    /// Pointer fields (<c>*bool</c>, <c>*int32</c>, <c>*string</c>, IntOrString pointers): the API server stores an explicit
    /// false/0/"" there, and their default differs from the zero value, so a zero the live object lacks is real drift
    /// (<c>automountServiceAccountToken: false</c> removed by hand means tokens are mounted again).
    /// </summary>
    private static readonly FrozenSet<string> KeptZeroFields = Set(
        "automountServiceAccountToken enableServiceLinks shareProcessNamespace hostUsers setHostnameAsFQDN "
            + "runAsNonRoot runAsUser runAsGroup fsGroup privileged allowPrivilegeEscalation readOnlyRootFilesystem "
            + "optional defaultMode mode replicas minReplicas revisionHistoryLimit progressDeadlineSeconds "
            + "terminationGracePeriodSeconds activeDeadlineSeconds backoffLimit completions parallelism suspend "
            + "ttlSecondsAfterFinished startingDeadlineSeconds successfulJobsHistoryLimit failedJobsHistoryLimit "
            + "minAvailable maxUnavailable maxSurge storageClassName immutable allowVolumeExpansion"
    );

    /// <summary>Empty maps that switch something on (<c>emptyDir: {}</c>, Argo CD <c>automated: {}</c>).</summary>
    private static readonly FrozenSet<string> PresenceMaps = Set("emptyDir automated");

    /// <summary>Fields the server fills in when the manifest leaves them empty (allocated IPs, ports, bindings).</summary>
    private static readonly FrozenSet<string> ServerAssignedFields = Set(
        "clusterIP clusterIPs nodePort healthCheckNodePort volumeName nodeName"
    );

    public static ValueContext ChildContext(ValueContext inherited, string key) =>
        inherited != ValueContext.Plain ? inherited
        : QuantityFields.Contains(key) ? ValueContext.Quantity
        : ValueContext.Plain;

    public static ValueContext ChildrenOf(string? key) =>
        key is not null && QuantityMaps.Contains(key) ? ValueContext.Quantity : ValueContext.Plain;

    public static bool IsServerAssigned(string? key) =>
        key is not null && ServerAssignedFields.Contains(key);

    /// <summary>
    /// A desired value that a missing live field satisfies: null, "", false, 0, [] and maps whose entries are all
    /// empty; not the zero of a <see cref="KeptZeroFields"/> field, nor a <see cref="PresenceMaps"/> map.
    /// </summary>
    public static bool IsEmpty(object? value, string? key) =>
        value switch
        {
            null => true,
            string text => text.Length == 0 && !Kept(key),
            bool flag => !flag && !Kept(key),
            long whole => whole == 0 && !Kept(key),
            double real => real == 0 && !Kept(key),
            List<object?> list => list.Count == 0,
            Dictionary<string, object?> map => !Presence(key) && AllEmpty(map),
            _ => false,
        };

    /// <summary>Scalars equal by meaning: numbers by value, quantities by value, Secret data by decoded bytes.</summary>
    public static bool ScalarEqual(object desired, object live, ValueContext context) =>
        (desired, live) switch
        {
            (string d, string l) => string.Equals(d, l, StringComparison.Ordinal)
                || context switch
                {
                    ValueContext.Quantity => Quantity.Equal(d, l),
                    ValueContext.SecretData => SecretMask.SameBytes(d, l),
                    _ => false,
                },
            (bool d, bool l) => d == l,
            (long d, long l) => d == l,
            (long or double, long or double) => ToDouble(desired) == ToDouble(live),
            (string d, long or double) => NumberIsQuantity(live, d),
            (long or double, string l) => NumberIsQuantity(desired, l),
            _ => false,
        };

    private static FrozenSet<string> Set(string keys) =>
        keys.Split(' ').ToFrozenSet(StringComparer.Ordinal);

    private static bool Kept(string? key) => key is not null && KeptZeroFields.Contains(key);

    private static bool Presence(string? key) => key is not null && PresenceMaps.Contains(key);

    private static bool AllEmpty(Dictionary<string, object?> map)
    {
        foreach (var (key, value) in map)
        {
            if (!IsEmpty(value, key))
            {
                return false;
            }
        }
        return true;
    }

    private static double ToDouble(object number) => number is long whole ? whole : (double)number;

    // A number and a string are the same value when the string is a quantity of that value: "80" == 80,
    // "500m" == 0.5. Typed string fields cannot hold numbers, so this only meets IntOrString and schema-less data.
    private static bool NumberIsQuantity(object number, string text)
    {
        if (!Quantity.TryParse(text, out var parsed))
        {
            return false;
        }
        if (number is long whole)
        {
            return parsed == whole;
        }
        var real = (double)number;
        return double.IsFinite(real) && Math.Abs(real) < 1e28 && parsed == (decimal)real;
    }
}
