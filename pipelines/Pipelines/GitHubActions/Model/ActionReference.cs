using System.Text.RegularExpressions;

namespace Pipelines.GitHubActions.Model;

/// <summary>
/// A third-party action pinned to a full commit SHA, as GitHub's hardening guide asks (a tag can be moved to other
/// code; a commit cannot). The version goes in a comment beside it, for people and for update tools.
/// </summary>
public sealed partial record ActionReference
{
    public ActionReference(string repository, string sha, string version)
    {
        if (!RepositoryPattern().IsMatch(repository))
        {
            throw new ArgumentException(
                $"Action '{repository}' is not owner/name (optionally /path).",
                nameof(repository)
            );
        }
        if (!ShaPattern().IsMatch(sha))
        {
            throw new ArgumentException(
                $"Action {repository} must be pinned to a full 40-hex commit SHA, not '{sha}'.",
                nameof(sha)
            );
        }
        (Repository, Sha, Version) = (repository, sha, version);
    }

    public string Repository { get; }
    public string Sha { get; }
    public string Version { get; }

    /// <summary>The <c>uses:</c> value: <c>owner/name@sha</c>.</summary>
    public string Uses => $"{Repository}@{Sha}";

    [GeneratedRegex("^[A-Za-z0-9-]+/[A-Za-z0-9._-]+(/[A-Za-z0-9._/-]+)?$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex ShaPattern();
}

/// <summary>
/// The actions the pipelines use, each pinned to the commit of a release tag. The SHAs were checked against
/// several independent public workflows that pin the same release.
/// </summary>
public static class Actions
{
    public static ActionReference Checkout { get; } =
        new("actions/checkout", "11bd71901bbe5b1630ceea73d27597364c9af683", "v4.2.2");

    public static ActionReference SetupDotNet { get; } =
        new("actions/setup-dotnet", "67a3573c9a986a3f9c594539f4ab511d57bb3ce9", "v4.3.1");

    public static ActionReference Cache { get; } =
        new("actions/cache", "5a3ec84eff668545956fd18022155c47e93e2684", "v4.2.3");

    public static ActionReference ConfigureAwsCredentials { get; } =
        new(
            "aws-actions/configure-aws-credentials",
            "e3dd6a429d7300a6a4c196c26e071d42e0343502",
            "v4.0.2"
        );

    public static ActionReference UploadArtifact { get; } =
        new("actions/upload-artifact", "ea165f8d65b6e75b540449e92b4886f43607fa02", "v4.6.2");

    public static ActionReference DownloadArtifact { get; } =
        new("actions/download-artifact", "d3f86a106a0bac45b974a628896c90dbdf5c8093", "v4.3.0");
}
