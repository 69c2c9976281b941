namespace Pipelines.ConfigRepo.Git;

/// <summary>Reads why git refused a push: a lost race (retry on the new HEAD) or a refusal a retry cannot fix.</summary>
internal static class PushRejection
{
    // "fetch first"/"non-fast-forward": someone pushed since our fetch. The "remote rejected" reasons are the same
    // race seen on the server side: two receive-packs updating one ref at the same moment.
    private static readonly string[] RaceMarkers =
    [
        "[rejected]",
        "fetch first",
        "non-fast-forward",
        "cannot lock ref",
        "failed to update ref",
        "incorrect old value",
        "stale info",
    ];

    public static bool IsLostRace(string output) =>
        !output.Contains("hook declined", StringComparison.Ordinal)
        && !output.Contains("denyCurrentBranch", StringComparison.Ordinal)
        && !output.Contains("Working directory has", StringComparison.Ordinal)
        && RaceMarkers.Any(m => output.Contains(m, StringComparison.Ordinal));

    /// <summary>git's own lines about the refusal, without the progress noise.</summary>
    public static string Reason(string output)
    {
        var lines = output
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l =>
                l.StartsWith('!')
                || l.StartsWith("error:", StringComparison.Ordinal)
                || l.StartsWith("fatal:", StringComparison.Ordinal)
                || l.StartsWith("remote:", StringComparison.Ordinal)
            )
            .ToList();
        return lines.Count == 0 ? output.Trim() : string.Join("\n", lines);
    }

    public static string Advice(string output, string branch) =>
        output.Contains("hook declined", StringComparison.Ordinal)
        || output.Contains("protected branch", StringComparison.OrdinalIgnoreCase)
            ? $"The branch {branch} takes no direct pushes (a protected branch or a server hook); use --via pull-request."
        : output.Contains("Working directory has", StringComparison.Ordinal)
        || output.Contains("denyCurrentBranch", StringComparison.Ordinal)
            ? $"The config repo is a checkout with {branch} checked out and uncommitted changes; commit or stash them, "
                + "or pass --config-repo with a URL or a bare repository."
        : output.Contains("Authentication failed", StringComparison.Ordinal)
        || output.Contains("403", StringComparison.Ordinal)
            ? "Check that the token (--github-token) may push to the config repo (contents: write)."
        : "Check --config-repo and that this run may push to it.";
}
