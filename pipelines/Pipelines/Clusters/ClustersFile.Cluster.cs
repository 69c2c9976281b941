using System.Globalization;
using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Selection;

namespace Pipelines.Clusters;

public static partial class ClustersFile
{
    private static ClusterDefinition ReadCluster(
        string environment,
        string? region,
        Dictionary<string, object?> map,
        string file
    )
    {
        string Text(string key) =>
            map.GetValueOrDefault(key) is { } value
                ? Convert.ToString(value, CultureInfo.InvariantCulture)!
                : "";
        var name = Text("name");
        if (name.Length == 0)
        {
            throw new SourceLocatedException(
                $"{file}: a cluster of '{environment}' has no name.",
                file
            );
        }
        var version = Text("kubernetesVersion");
        if (!VersionPattern().IsMatch(version))
        {
            throw Error(
                map,
                "kubernetesVersion",
                file,
                $"cluster '{name}': kubernetesVersion '{version}' is not major.minor (quote it: \"1.33\")."
            );
        }
        var color = Parse<ClusterColor>(map, "color", file, name);
        var expected = ClusterNaming.Name(environment, version, color);
        if (name != expected)
        {
            throw Error(
                map,
                "name",
                file,
                $"cluster '{name}' should be named '{expected}' (<env>-<major>-<minor>-<color>) for environment {environment}, version {version}, color {color.ToString().ToLowerInvariant()}."
            );
        }
        var kubeContext = map.GetValueOrDefault("kubeContext") as string;
        var apiServer = map.GetValueOrDefault("apiServer") as string;
        if (kubeContext is null && apiServer is null)
        {
            throw Error(
                map,
                "name",
                file,
                $"cluster '{name}' needs 'kubeContext' (a kubeconfig context) or 'apiServer' (a URL)."
            );
        }
        var carries = map.GetValueOrDefault("carries") switch
        {
            null => [],
            List<object?> selectors => selectors
                .Select(s => ReleaseSelector.Parse(s?.ToString() ?? ""))
                .ToList(),
            _ => throw Error(
                map,
                "carries",
                file,
                $"cluster '{name}': carries must be a list of selectors like tier=management."
            ),
        };
        var provisioned = Date(map, "provisioned", file, name);
        var deadline = Date(map, "deadline", file, name);
        if (deadline < provisioned)
        {
            throw Error(
                map,
                "deadline",
                file,
                $"cluster '{name}': deadline {deadline:yyyy-MM-dd} is before provisioned {provisioned:yyyy-MM-dd}."
            );
        }
        return new ClusterDefinition
        {
            Name = name,
            Environment = environment,
            KubernetesVersion = version,
            Region =
                map.GetValueOrDefault("region") as string
                ?? region
                ?? throw Error(
                    map,
                    "name",
                    file,
                    $"cluster '{name}' has no region, and environment '{environment}' sets none."
                ),
            KubeContext = kubeContext,
            ApiServer = apiServer,
            Color = color,
            State = Parse<ClusterState>(map, "state", file, name),
            Carries = carries,
            ApiVersions =
                (map.GetValueOrDefault("apiVersions") as List<object?>)
                    ?.Select(v => v?.ToString() ?? "")
                    .ToList()
                ?? [],
            Provisioned = provisioned,
            Deadline = deadline ?? provisioned?.AddDays(ClusterDefinition.DefaultMigrationWindow),
        };
    }

    private static DateOnly? Date(
        Dictionary<string, object?> map,
        string key,
        string file,
        string cluster
    ) =>
        map.GetValueOrDefault(key) switch
        {
            null => null,
            string text
                when DateOnly.TryParseExact(
                    text,
                    "yyyy-MM-dd",
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.None,
                    out var date
                ) => date,
            var other => throw Error(
                map,
                key,
                file,
                $"cluster '{cluster}': {key} '{other}' is not a date; write it as YYYY-MM-DD (2026-01-31)."
            ),
        };

    private static T Parse<T>(
        Dictionary<string, object?> map,
        string key,
        string file,
        string cluster
    )
        where T : struct, Enum =>
        Enum.TryParse<T>(map.GetValueOrDefault(key) as string, ignoreCase: true, out var value)
            ? value
            : throw Error(
                map,
                key,
                file,
                $"cluster '{cluster}': {key} must be one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}."
            );

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex VersionPattern();
}
