using Pipelines.Failures;

namespace Pipelines.Sync;

/// <summary>When a hook runs: before the chart's objects are applied, or after they are healthy.</summary>
internal enum HookPhase
{
    PreSync,
    PostSync,
}

/// <summary>
/// A helm hook as Sync runs it. <paramref name="Weight"/> orders hooks of one phase (<c>helm.sh/hook-weight</c>,
/// Argo CD runs each weight as a wave); the delete policies are <c>helm.sh/hook-delete-policy</c>'s.
/// </summary>
internal sealed record HookSpec(
    HookPhase Phase,
    int Weight,
    bool BeforeHookCreation,
    bool DeleteOnSuccess,
    bool DeleteOnFailure
)
{
    public override string ToString() => $"{Phase} hook";
}

/// <summary>
/// Maps helm hooks onto Sync phases the way Argo CD does: <c>pre-install</c>/<c>pre-upgrade</c> run in PreSync,
/// <c>post-install</c>/<c>post-upgrade</c> in PostSync. Every other event (<c>test</c>, <c>pre-delete</c>,
/// <c>post-delete</c>, <c>pre-rollback</c>, <c>post-rollback</c>) never runs during a sync, so such hooks are
/// skipped, and, as in helm, a hook is never applied as a regular object. Without a delete policy helm and
/// Argo CD both use <c>before-hook-creation</c>.
/// </summary>
internal static class HookPhases
{
    public const string HookAnnotation = "helm.sh/hook";
    public const string WeightAnnotation = "helm.sh/hook-weight";
    public const string DeletePolicyAnnotation = "helm.sh/hook-delete-policy";

    private static readonly string[] DeletePolicies =
    [
        "before-hook-creation",
        "hook-succeeded",
        "hook-failed",
    ];

    /// <summary>Whether the manifest is a helm hook at all (run or skipped).</summary>
    public static bool IsHook(Dictionary<string, object?> manifest) =>
        Annotation(manifest, HookAnnotation) is not null;

    /// <summary>The hook's phase and policies; null for a regular object and for hooks Sync skips.</summary>
    public static HookSpec? Of(Dictionary<string, object?> manifest)
    {
        if (Annotation(manifest, HookAnnotation) is not { } events)
        {
            return null;
        }
        var names = Split(events);
        HookPhase? phase =
            names.Any(e => e is "pre-install" or "pre-upgrade") ? HookPhase.PreSync
            : names.Any(e => e is "post-install" or "post-upgrade") ? HookPhase.PostSync
            : null;
        if (phase is null)
        {
            return null;
        }
        var policies = Split(Annotation(manifest, DeletePolicyAnnotation) ?? "");
        var unknown = policies.Where(p => !DeletePolicies.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            throw new Failures.UsageException(
                $"{Name(manifest)}: unknown {DeletePolicyAnnotation} '{string.Join(",", unknown)}'. "
                    + $"Valid: {string.Join(", ", DeletePolicies)}."
            );
        }
        return new HookSpec(
            phase.Value,
            Weight(manifest),
            policies.Count == 0 || policies.Contains("before-hook-creation"),
            policies.Contains("hook-succeeded"),
            policies.Contains("hook-failed")
        );
    }

    private static int Weight(Dictionary<string, object?> manifest)
    {
        var text = Annotation(manifest, WeightAnnotation);
        if (text is null)
        {
            return 0;
        }
        return int.TryParse(text, out var weight)
            ? weight
            : throw new Failures.UsageException(
                $"{Name(manifest)}: {WeightAnnotation} '{text}' is not an integer (e.g. \"-5\", \"0\", \"10\")."
            );
    }

    private static List<string> Split(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();

    private static string? Annotation(Dictionary<string, object?> manifest, string key) =>
        (manifest.GetValueOrDefault("metadata") as Dictionary<string, object?>)?.GetValueOrDefault(
            "annotations"
        )
            is Dictionary<string, object?> annotations
            ? annotations.GetValueOrDefault(key)?.ToString()
            : null;

    private static string Name(Dictionary<string, object?> manifest) =>
        $"{manifest.GetValueOrDefault("kind")} "
        + (
            manifest.GetValueOrDefault("metadata") as Dictionary<string, object?>
        )?.GetValueOrDefault("name");
}
