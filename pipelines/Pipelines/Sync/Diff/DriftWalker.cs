namespace Pipelines.Sync.Diff;

/// <summary>A projected live value and a normalised desired value; either may be <see cref="DriftWalker.Absent"/>.</summary>
internal readonly record struct Pair(object? Live, object? Desired);

/// <summary>
/// Walks a desired manifest and the live object together, in the desired object's shape: records the paths that
/// differ, and builds the live object projected onto the desired shape (equivalent values take the desired spelling,
/// so a diff shows only real changes). With <c>emitDesired</c> it also builds the desired object without dropped and
/// ignored paths. One instance per comparison; the path stack is reused, so an in-sync walk allocates only the
/// projection.
/// </summary>
internal sealed partial class DriftWalker(JsonPointer[] ignored, bool isSecret, bool emitDesired)
{
    /// <summary>Marks a value that is not there (a missing field), as opposed to an explicit null.</summary>
    public static readonly object Absent = new();

    private readonly List<PathSegment> _path = new(16);
    private readonly List<string> _changed = [];
    private int _suppressed;

    /// <summary>Changed paths so far, sorted and distinct.</summary>
    public IReadOnlyList<string> ChangedPaths =>
        _changed.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public bool HasChanges => _changed.Count > 0;

    public Pair Walk(Dictionary<string, object?> desired, Dictionary<string, object?> live) =>
        WalkMap(desired, live, null);

    private Pair Walk(object? desired, object live, string? key, ValueContext context)
    {
        // A desired null means "not set": nothing the live object holds there is drift.
        if (desired is null)
        {
            return new(Absent, Absent);
        }
        if (
            Equivalence.IsEmpty(desired, key)
            && (IsAbsent(live) || Equivalence.IsServerAssigned(key))
        )
        {
            return new(Absent, Absent);
        }
        if (context == ValueContext.SecretData)
        {
            return WalkScalar(desired, live, context);
        }
        return desired switch
        {
            Dictionary<string, object?> map => WalkMap(map, live, key),
            List<object?> list => WalkList(list, live),
            _ => WalkScalar(desired, live, context),
        };
    }

    private Pair WalkScalar(object desired, object live, ValueContext context)
    {
        if (IsAbsent(live))
        {
            Record();
            return new(Absent, desired);
        }
        if (Equivalence.ScalarEqual(desired, live, context))
        {
            return new(desired, desired);
        }
        Record();
        return new(live, desired);
    }

    private Pair WalkMap(Dictionary<string, object?> desired, object live, string? ownKey)
    {
        var liveMap = live as Dictionary<string, object?>;
        if (liveMap is null && !IsAbsent(live))
        {
            return Mismatch(desired, live, ownKey);
        }
        var children =
            isSecret && _path.Count == 1 && ownKey == "data"
                ? ValueContext.SecretData
                : Equivalence.ChildrenOf(ownKey);
        var projected = liveMap is null ? null : new Dictionary<string, object?>(desired.Count);
        var normalised = emitDesired ? new Dictionary<string, object?>(desired.Count) : null;
        foreach (var (key, value) in desired)
        {
            if (IsDropped(key))
            {
                continue;
            }
            _path.Add(PathSegment.ForKey(key));
            if (!IsIgnored())
            {
                var liveValue =
                    liveMap is not null
                    && liveMap.TryGetValue(key, out var found)
                    && found is not null
                        ? found
                        : Absent;
                var pair = Walk(value, liveValue, key, Equivalence.ChildContext(children, key));
                if (projected is not null && !IsAbsent(pair.Live))
                {
                    projected[key] = pair.Live;
                }
                if (normalised is not null && !IsAbsent(pair.Desired))
                {
                    normalised[key] = pair.Desired;
                }
            }
            _path.RemoveAt(_path.Count - 1);
        }
        if (liveMap is null && desired.Count == 0)
        {
            // Only a presence map (emptyDir: {}) gets here empty: the live object lacks the switch.
            Record();
        }
        return new(projected ?? Absent, normalised ?? Absent);
    }

    /// <summary>The live value has another type: one change here, and the desired side still normalised.</summary>
    private Pair Mismatch(object desired, object live, string? key)
    {
        Record();
        _suppressed++;
        var normalised = emitDesired
            ? Walk(desired, Absent, key, ValueContext.Plain).Desired
            : Absent;
        _suppressed--;
        return new(live, IsAbsent(normalised) ? desired : normalised);
    }

    private void Record()
    {
        if (_suppressed == 0)
        {
            _changed.Add(PathSegment.Render(_path));
        }
    }

    private static bool IsAbsent(object? value) => ReferenceEquals(value, Absent);

    /// <summary>Server-owned bookkeeping that never counts, wherever the desired manifest mentions it.</summary>
    private bool IsDropped(string key) =>
        _path.Count switch
        {
            0 => key == "status",
            1 => _path[0].Key == "metadata"
                && key
                    is "managedFields"
                        or "resourceVersion"
                        or "uid"
                        or "generation"
                        or "creationTimestamp"
                        or "selfLink",
            2 => _path[0].Key == "metadata"
                && _path[1].Key == "annotations"
                && key
                    is "kubectl.kubernetes.io/last-applied-configuration"
                        or "deployment.kubernetes.io/revision",
            _ => false,
        };

    private bool IsIgnored()
    {
        foreach (var pointer in ignored)
        {
            var segments = pointer.Segments;
            if (segments.Length != _path.Count)
            {
                continue;
            }
            var matches = true;
            for (var i = 0; i < segments.Length && matches; i++)
            {
                matches = segments[i].Matches(_path[i]);
            }
            if (matches)
            {
                return true;
            }
        }
        return false;
    }
}
