using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Helmfile.Selection;
using Pipelines.Helmfile.Values;

namespace Pipelines.Clusters;

/// <summary>
/// Reads <c>helmfile/clusters.yaml</c>, the single source of truth for which clusters exist per environment.
/// Every mistake is reported with the file, the cluster and the fix.
/// </summary>
public static partial class ClustersFile
{
    public const string DefaultPath = "helmfile/clusters.yaml";

    public static IReadOnlyList<ClusterDefinition> Load(AbsolutePath path, AbsolutePath root)
    {
        var file = path.RelativeTo(root);
        if (!path.FileExists)
        {
            throw new SourceLocatedException(
                $"{file}: not found. It lists the clusters of each environment.",
                file
            );
        }
        var document = YamlData.ParseMapping(File.ReadAllText(path), file);
        if (
            document.GetValueOrDefault("environments")
            is not Dictionary<string, object?> environments
        )
        {
            throw new SourceLocatedException(
                $"{file}: expected a top-level 'environments:' mapping of environment to clusters.",
                file,
                1
            );
        }
        var clusters = new List<ClusterDefinition>();
        foreach (var (environment, spec) in environments)
        {
            clusters.AddRange(ReadEnvironment(environment, spec, file));
        }
        var duplicate = clusters.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SourceLocatedException(
                $"{file}: cluster '{duplicate.Key}' is declared twice; names must be unique.",
                file
            );
        }
        return clusters;
    }

    private static IEnumerable<ClusterDefinition> ReadEnvironment(
        string environment,
        object? spec,
        string file
    )
    {
        var map = spec as Dictionary<string, object?> ?? [];
        var region = map.GetValueOrDefault("region") as string;
        if (map.GetValueOrDefault("clusters") is not List<object?> list)
        {
            throw Error(
                map,
                "clusters",
                file,
                $"environment '{environment}' has no 'clusters:' list."
            );
        }
        foreach (var item in list)
        {
            if (item is not Dictionary<string, object?> cluster)
            {
                throw new SourceLocatedException(
                    $"{file}: each cluster of '{environment}' must be a mapping.",
                    file
                );
            }
            yield return ReadCluster(environment, region, cluster, file);
        }
    }

    private static ClusterDefinition ReadCluster(
        string environment,
        string? region,
        Dictionary<string, object?> map,
        string file
    )
    {
        string Text(string key) =>
            map.GetValueOrDefault(key) is { } value
                ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!
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
        var expected =
            $"{environment}-{version.Replace('.', '-')}-{color.ToString().ToLowerInvariant()}";
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
        };
    }

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

    private static SourceLocatedException Error(
        Dictionary<string, object?> map,
        string key,
        string file,
        string message
    )
    {
        var position = YamlData.PositionOf(map, key);
        return new SourceLocatedException(
            position is { } p ? $"{file}:{p.Line}:{p.Column}: {message}" : $"{file}: {message}",
            file,
            position?.Line,
            position?.Column
        );
    }

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex VersionPattern();
}
