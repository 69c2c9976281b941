namespace Pipelines.ConfigRepo.Bump;

/// <summary>Where a bump comes from: the app's commit, the CI run, or the environment it was promoted from.</summary>
internal sealed record BumpProvenance(string? SourceRevision, string? PromotedFrom)
{
    private static string? ServerUrl => Variable("GITHUB_SERVER_URL");
    private static string? Repository => Variable("GITHUB_REPOSITORY");

    /// <summary>The GitHub Actions run, when this is one.</summary>
    public string? RunUrl =>
        ServerUrl is { } server
        && Repository is { } repository
        && Variable("GITHUB_RUN_ID") is { } run
            ? $"{server}/{repository}/actions/runs/{run}"
            : null;

    /// <summary>A link into the app's repository on GitHub, when the run knows which one it is.</summary>
    public string? Link(string path) =>
        ServerUrl is { } server && Repository is { } repository
            ? $"{server}/{repository}/{path}"
            : null;

    private static string? Variable(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
