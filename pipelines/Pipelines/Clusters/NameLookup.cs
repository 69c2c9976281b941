using Pipelines.Failures;

namespace Pipelines.Clusters;

/// <summary>
/// Finds the environment or cluster a parameter names (<c>--env</c>, <c>--name</c>, <c>--to</c>). An unknown name is a
/// usage error in one form for every lifecycle target: what is wrong, the closest name, and the names to choose from.
/// </summary>
internal static class NameLookup
{
    /// <summary>
    /// The item of <paramref name="items"/> named <paramref name="name"/>; otherwise a usage error:
    /// <paramref name="problem"/>, "Did you mean" the closest name, then every name after <paramref name="listed"/>
    /// (e.g. <c>Live clusters</c>).
    /// </summary>
    public static T Find<T>(
        IReadOnlyList<T> items,
        Func<T, string> nameOf,
        string name,
        string problem,
        string listed
    )
        where T : class
    {
        if (items.FirstOrDefault(item => nameOf(item) == name) is { } found)
        {
            return found;
        }
        var names = items.Select(nameOf).ToList();
        throw new UsageException(
            problem
                + (Suggestions.Closest(name, names) is { } close ? $" Did you mean '{close}'?" : "")
                + $" {listed}: {string.Join(", ", names)}."
        );
    }
}
