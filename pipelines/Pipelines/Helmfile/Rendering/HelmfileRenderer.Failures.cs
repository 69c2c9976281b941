using System.Collections.Concurrent;
using Pipelines.Failures;
using Pipelines.Helmfile.State;

namespace Pipelines.Helmfile.Rendering;

// How a render reports what stopped it: a release declared twice, or the releases helm could not render.
public sealed partial class HelmfileRenderer
{
    private static void ThrowIfDuplicated(IReadOnlyList<ResolvedRelease> releases)
    {
        var duplicate = releases.GroupBy(r => r.Spec.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            var first = duplicate.First().Spec;
            throw new SourceLocatedException(
                $"{first.DeclaredIn}: release '{first.Name}' in namespace '{first.Namespace}' is declared {duplicate.Count()} times; names must be unique per namespace.",
                first.DeclaredIn
            );
        }
    }

    private static void ThrowIfFailed(ConcurrentBag<(int Index, Exception Error)> errors)
    {
        if (errors.IsEmpty)
        {
            return;
        }
        var ordered = errors.OrderBy(e => e.Index).Select(e => e.Error).ToList();
        if (ordered.Count == 1)
        {
            throw ordered[0];
        }
        var first = ordered[0] as SourceLocatedException;
        throw new SourceLocatedException(
            $"{ordered.Count} releases failed to render:\n"
                + string.Join("\n", ordered.Select(e => "  " + e.Message.Replace("\n", "\n    "))),
            first?.File ?? "",
            first?.Line
        );
    }
}
