using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipelines.Failures;
using Pipelines.Helmfile.Manifests;

namespace Pipelines.Clusters.Calendar;

/// <summary>
/// Reads the output of <c>aws eks describe-cluster-versions</c> (the API's ClusterVersionInformation:
/// <c>clusterVersion</c>, <c>releaseDate</c>, <c>endOfStandardSupportDate</c>, <c>endOfExtendedSupportDate</c>,
/// <c>versionStatus</c>), and writes and reads the cache kept under <c>.nuke/temp</c>.
/// </summary>
internal static class EksCalendarJson
{
    /// <summary>
    /// The versions in the AWS CLI's JSON. Timestamps are ISO 8601 with an offset as the CLI prints them
    /// (<c>2024-09-25T17:00:00-07:00</c>, the 26th in UTC, as the calendar gives it) or epoch seconds as the API sends
    /// them. A version without its three dates is left out (the API marks every field optional).
    /// </summary>
    /// <exception cref="FormatException">Not JSON, no <c>clusterVersions</c> array, or no usable version; the message says which.</exception>
    public static IReadOnlyList<EksVersion> ParseAwsOutput(string json)
    {
        var versions = Array(Parse(json), "clusterVersions");
        var parsed = new List<EksVersion>();
        foreach (var item in versions)
        {
            var name =
                Text(item, "clusterVersion")
                ?? throw new FormatException(
                    "an entry of 'clusterVersions' has no 'clusterVersion'."
                );
            var version = Version(name);
            if (
                Date(item, "releaseDate") is { } release
                && Date(item, "endOfStandardSupportDate") is { } standard
                && Date(item, "endOfExtendedSupportDate") is { } extended
            )
            {
                parsed.Add(
                    new EksVersion(version, release, standard, extended)
                    {
                        Status = Text(item, "versionStatus") ?? Text(item, "status"),
                    }
                );
            }
        }
        return parsed.Count > 0
            ? parsed
            : throw new FormatException(
                "'clusterVersions' lists no version with releaseDate, endOfStandardSupportDate and endOfExtendedSupportDate."
            );
    }

    /// <summary>The cache file's text: the day it was read and the versions.</summary>
    public static string WriteCache(DateOnly fetched, IReadOnlyList<EksVersion> versions) =>
        new JsonObject
        {
            ["source"] = "aws eks describe-cluster-versions",
            ["fetched"] = Day(fetched),
            ["versions"] = new JsonArray([
                .. versions.Select(v => new JsonObject
                {
                    ["version"] = v.Version,
                    ["releaseDate"] = Day(v.EksRelease),
                    ["endOfStandardSupportDate"] = Day(v.EndOfStandardSupport),
                    ["endOfExtendedSupportDate"] = Day(v.EndOfExtendedSupport),
                    ["versionStatus"] = v.Status,
                }),
            ]),
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    /// <summary>The day a cache was read and its versions.</summary>
    /// <exception cref="FormatException">The cache is not what <see cref="WriteCache"/> writes.</exception>
    public static (DateOnly Fetched, IReadOnlyList<EksVersion> Versions) ReadCache(string json)
    {
        var root = Parse(json);
        var fetched =
            Date(root, "fetched") ?? throw new FormatException("it has no 'fetched' date.");
        var versions = Array(root, "versions")
            .Select(item => new EksVersion(
                Version(
                    Text(item, "version")
                        ?? throw new FormatException("a version has no 'version'.")
                ),
                Required(item, "releaseDate"),
                Required(item, "endOfStandardSupportDate"),
                Required(item, "endOfExtendedSupportDate")
            )
            {
                Status = Text(item, "versionStatus"),
            })
            .ToList();
        return versions.Count > 0
            ? (fetched, versions)
            : throw new FormatException("it lists no version.");
    }

    private static JsonNode Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json)
                ?? throw new FormatException("it is JSON null, not an object.");
        }
        catch (JsonException exception)
        {
            throw new FormatException($"it is not JSON ({exception.Message})");
        }
    }

    private static JsonArray Array(JsonNode root, string name) =>
        (root as JsonObject)?[name] as JsonArray
        ?? throw new FormatException($"it has no '{name}' array.");

    private static string? Text(JsonNode? item, string name) =>
        item is JsonObject o && o[name] is JsonValue v && v.TryGetValue(out string? text)
            ? text
            : null;

    private static string Version(string text)
    {
        try
        {
            return KubernetesVersion.Parse(text).ToString();
        }
        catch (Failures.UsageException)
        {
            throw new FormatException($"'{text}' is not a Kubernetes version (major.minor).");
        }
    }

    private static DateOnly Required(JsonNode? item, string name) =>
        Date(item, name) ?? throw new FormatException($"a version has no '{name}'.");

    private static DateOnly? Date(JsonNode? item, string name)
    {
        if (item is not JsonObject o || o[name] is not JsonValue value)
        {
            return null;
        }
        if (value.TryGetValue(out double seconds))
        {
            return DateOnly.FromDateTime(
                DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)).UtcDateTime
            );
        }
        var text = value.TryGetValue(out string? s) ? s : null;
        return DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out var moment
        )
            ? DateOnly.FromDateTime(moment.UtcDateTime)
            : throw new FormatException($"'{name}' is '{text}', not a date.");
    }

    private static string Day(DateOnly day) =>
        day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
