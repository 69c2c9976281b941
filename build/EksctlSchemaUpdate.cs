using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Failures;

/// <summary>
/// Replaces the repository's copy of eksctl's ClusterConfig schema (the tests validate generated ClusterConfig
/// files against it) with the one published at an eksctl release tag or commit, and rewrites the origin note
/// beside it. Both files are written whole or not at all; a failed download or a file that is not the schema
/// leaves the copy as it was.
/// </summary>
internal sealed partial record EksctlSchemaUpdate(AbsolutePath Directory, string BaseUrl)
{
    public const string GitHubRawUrl = "https://raw.githubusercontent.com/eksctl-io/eksctl";
    public const string SourcePath = "pkg/apis/eksctl.io/v1alpha5/assets/schema.json";
    public const string FileName = "eksctl-clusterconfig-v1alpha5.schema.json";
    public const string OriginFileName = "README.md";
    private const string Releases = "https://github.com/eksctl-io/eksctl/releases";

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan TransferTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Where the repository keeps the copy, relative to its root.</summary>
    public static readonly string RelativeDirectory = Path.Combine(
        "tests",
        "Pipelines.Tests",
        "Clusters",
        "Reference"
    );

    public AbsolutePath SchemaFile => Directory / FileName;

    /// <summary>A release tag (<c>v0.220.0</c>, the <c>v</c> optional) or a commit hash; anything else is a usage error.</summary>
    public static string GitReference(string version)
    {
        var trimmed = version.Trim();
        if (ReleaseTag().IsMatch(trimmed))
        {
            return trimmed.StartsWith('v') ? trimmed : "v" + trimmed;
        }
        if (CommitHash().IsMatch(trimmed))
        {
            return trimmed.ToLowerInvariant();
        }
        throw new UsageException(
            $"--eksctl-version '{version}' is neither an eksctl release tag (v0.220.0) nor a commit hash. "
                + $"Pick one from {Releases}."
        );
    }

    /// <summary>Downloads the schema of <paramref name="version"/>, checks it, then writes it and its origin note.</summary>
    public async Task<string> RunAsync(string version, CancellationToken cancellationToken)
    {
        var reference = GitReference(version);
        var url = $"{BaseUrl.TrimEnd('/')}/{reference}/{SourcePath}";
        var text = await DownloadAsync(url, reference, cancellationToken);
        Check(text, url);
        await AtomicFile.WriteAllTextAsync(SchemaFile, text, cancellationToken);
        await AtomicFile.WriteAllTextAsync(
            Directory / OriginFileName,
            OriginNote(reference, url),
            cancellationToken
        );
        return url;
    }

    private async Task<string> DownloadAsync(
        string url,
        string reference,
        CancellationToken cancellationToken
    )
    {
        using var handler = new SocketsHttpHandler { ConnectTimeout = ConnectTimeout };
        using var client = new HttpClient(handler) { Timeout = TransferTimeout };
        try
        {
            using var response = await client.GetAsync(url, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw Failure(
                    $"eksctl has no ClusterConfig schema at {url} (HTTP 404). Is '{reference}' an eksctl release "
                        + $"tag or commit? Releases: {Releases}."
                );
            }
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception exception)
            when (exception is HttpRequestException
                || exception is TaskCanceledException && !cancellationToken.IsCancellationRequested
            )
        {
            var reason = exception switch
            {
                TaskCanceledException => "timed out",
                HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status} {status}",
                _ => exception.Message,
            };
            throw Failure(
                $"Could not download eksctl's ClusterConfig schema from {url}: {reason}. No network, or GitHub is "
                    + "unreachable from here? Run again where raw.githubusercontent.com answers."
            );
        }
    }

    /// <summary>A 200 that is not the schema (a proxy's error page, a moved file) must not replace the copy.</summary>
    private void Check(string text, string url)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (
                root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("$schema", out var schema)
                && schema.GetString()?.Contains("draft-07", StringComparison.Ordinal) == true
                && root.TryGetProperty("definitions", out var definitions)
                && definitions.TryGetProperty("ClusterConfig", out _)
            )
            {
                return;
            }
        }
        catch (JsonException) { }
        throw Failure(
            $"{url} answered, but not with a draft-07 JSON schema defining ClusterConfig; has eksctl moved "
                + $"{SourcePath}?"
        );
    }

    private Exception Failure(string message) =>
        new EksctlSchemaUpdateException(
            $"{message} The repository's copy ({SchemaFile}) is unchanged."
        );

    private static string OriginNote(string reference, string url) =>
        $"""
            # eksctl's ClusterConfig schema

            `{FileName}` is the JSON schema (draft-07) of eksctl's `ClusterConfig`
            (`apiVersion: eksctl.io/v1alpha5`), copied unchanged from eksctl-io/eksctl.

            - eksctl version: `{reference}`
            - source: https://github.com/eksctl-io/eksctl/blob/{reference}/{SourcePath}
            - downloaded from: {url}
            - licence: Apache-2.0, eksctl's licence; its text is `LICENSE-eksctl` beside this file.

            The tests validate the ClusterConfig files ProvisionCluster generates against it
            (`tests/Pipelines.Tests/Clusters/ClusterConfigSchema.cs`).

            Refresh it with `./build.sh UpdateEksctlSchema --eksctl-version <release tag or commit>`, which rewrites
            this note too; see docs/cluster-lifecycle.md.

            """;

    [GeneratedRegex(@"^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex ReleaseTag();

    [GeneratedRegex("^[0-9a-fA-F]{7,40}$")]
    private static partial Regex CommitHash();
}

/// <summary>The schema could not be refreshed; the message names the URL, the cause and that nothing changed.</summary>
internal sealed class EksctlSchemaUpdateException(string message)
    : Exception(message),
        IExplainedFailure;
