using System.Text;

namespace Pipelines.ConfigRepo.Bump;

/// <summary>
/// The commit message (and pull request title and body) of a bump: app, environments, old and new tag and digest,
/// the source commit and, on GitHub Actions, the run that made it. Structured so people and tools can read it.
/// </summary>
internal static class BumpMessage
{
    public static ConfigEdit For(
        string app,
        IReadOnlyList<(string Env, ImageChange Change)> changes,
        BumpProvenance provenance
    )
    {
        var envs = string.Join(",", changes.Select(c => c.Env));
        var image = changes[0].Change.After;
        var subject =
            $"{app}({envs}): image {image.Tag}"
            + (image.ShortDigest is null ? "" : $" ({image.ShortDigest})")
            + (provenance.PromotedFrom is null ? "" : $", promoted from {provenance.PromotedFrom}");
        var body = new StringBuilder();
        body.AppendLine($"app: {app}");
        foreach (var (env, change) in changes)
        {
            body.AppendLine($"env: {env} ({change.File})");
            body.AppendLine($"  tag: {change.Before?.Tag ?? "(none)"} -> {change.After.Tag}");
            body.AppendLine(
                $"  digest: {change.Before?.Digest ?? "(none)"} -> {change.After.Digest ?? "(none)"}"
            );
            if (
                change.Before is { Repository.Length: > 0 } before
                && before.Repository != change.After.Repository
            )
            {
                body.AppendLine($"  repository: {before.Repository} -> {change.After.Repository}");
            }
        }
        if (provenance.SourceRevision is { } revision)
        {
            body.AppendLine($"source: {provenance.Link("commit/" + revision) ?? revision}");
        }
        if (provenance.RunUrl is { } run)
        {
            body.AppendLine($"run: {run}");
        }
        return new ConfigEdit(subject, body.ToString().TrimEnd())
        {
            Labels = ["image-bump", $"app:{app}"],
        };
    }
}
