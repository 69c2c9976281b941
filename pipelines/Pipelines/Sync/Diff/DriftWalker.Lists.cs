namespace Pipelines.Sync.Diff;

internal sealed partial class DriftWalker
{
    private Pair WalkList(List<object?> desired, object live)
    {
        if (live is not List<object?> liveList)
        {
            // Missing or of another type: one change here; the items are only normalised.
            Record();
            _suppressed++;
            var normalised = WalkPositional(desired, []).Desired;
            _suppressed--;
            return new(live, IsAbsent(normalised) ? desired : normalised);
        }
        var keyField = ListKeys.Choose(desired);
        return keyField is null
            ? WalkPositional(desired, liveList)
            : WalkKeyed(desired, liveList, keyField);
    }

    /// <summary>
    /// Items matched by identity, in any order. Live items the desired list does not name are not drift, as with map
    /// keys: an apply would leave them alone, so reporting them would be drift a sync cannot clear.
    /// </summary>
    private Pair WalkKeyed(List<object?> desired, List<object?> live, string keyField)
    {
        var projected = new List<object?>(desired.Count);
        var normalised = emitDesired ? new List<object?>(desired.Count) : null;
        for (var i = 0; i < desired.Count; i++)
        {
            var item = (Dictionary<string, object?>)desired[i]!;
            _path.Add(PathSegment.ForItem(i, item, keyField));
            if (!IsIgnored())
            {
                var match = ListKeys.Find(live, keyField, item[keyField]!);
                if (match is null)
                {
                    Record();
                    _suppressed++;
                }
                var pair = Walk(item, match ?? Absent, null, ValueContext.Plain);
                if (match is null)
                {
                    _suppressed--;
                }
                else
                {
                    projected.Add(IsAbsent(pair.Live) ? match : pair.Live);
                }
                normalised?.Add(IsAbsent(pair.Desired) ? item : pair.Desired);
            }
            _path.RemoveAt(_path.Count - 1);
        }
        return new(projected, (object?)normalised ?? Absent);
    }

    /// <summary>Items compared by position; a length difference is one change at the list itself.</summary>
    private Pair WalkPositional(List<object?> desired, List<object?> live)
    {
        var projected = new List<object?>(live.Count);
        var normalised = emitDesired ? new List<object?>(desired.Count) : null;
        for (var i = 0; i < desired.Count; i++)
        {
            _path.Add(PathSegment.ForItem(i, desired[i], null));
            if (!IsIgnored())
            {
                var beyondLive = i >= live.Count;
                _suppressed += beyondLive ? 1 : 0;
                var liveItem = beyondLive ? Absent : live[i] ?? Absent;
                var pair = Walk(desired[i], liveItem, null, ValueContext.Plain);
                _suppressed -= beyondLive ? 1 : 0;
                if (!beyondLive)
                {
                    projected.Add(IsAbsent(pair.Live) ? live[i] : pair.Live);
                }
                normalised?.Add(IsAbsent(pair.Desired) ? desired[i] : pair.Desired);
            }
            _path.RemoveAt(_path.Count - 1);
        }
        for (var i = desired.Count; i < live.Count; i++)
        {
            projected.Add(live[i]);
        }
        if (desired.Count != live.Count)
        {
            Record();
        }
        return new(projected, (object?)normalised ?? Absent);
    }
}
