using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Yaml.Data;

namespace Pipelines.Clusters;

/// <summary>
/// Reads <c>helmfile/clusters.yaml</c>, the single source of truth for which clusters exist per environment.
/// Every mistake is reported with the file, the cluster and the fix.
/// </summary>
public static partial class ClustersFile
{
    public const string DefaultPath = "helmfile/clusters.yaml";

    /// <summary>Every cluster of every environment, retired ones included.</summary>
    public static IReadOnlyList<ClusterDefinition> Load(AbsolutePath path, AbsolutePath root) =>
        LoadEnvironments(path, root).SelectMany(e => e.Clusters).ToList();

    /// <summary>The environments in file order, each with its node groups, roles and clusters.</summary>
    public static IReadOnlyList<ClusterEnvironment> LoadEnvironments(
        AbsolutePath path,
        AbsolutePath root
    )
    {
        var file = path.RelativeTo(root);
        if (!path.FileExists)
        {
            throw new SourceLocatedException(
                $"{file}: not found. It lists the clusters of each environment.",
                file
            );
        }
        return Parse(File.ReadAllText(path), file);
    }

    /// <summary>Parses the file's text; <paramref name="file"/> names it in errors.</summary>
    public static IReadOnlyList<ClusterEnvironment> Parse(string text, string file)
    {
        var document = YamlData.ParseMapping(text, file);
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
        var result = environments
            .Select(pair => ReadEnvironment(pair.Key, pair.Value, file))
            .ToList();
        var duplicate = result
            .SelectMany(e => e.Clusters)
            .GroupBy(c => c.Name)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SourceLocatedException(
                $"{file}: cluster '{duplicate.Key}' is declared twice; names must be unique.",
                file
            );
        }
        return result;
    }

    private static ClusterEnvironment ReadEnvironment(string environment, object? spec, string file)
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
        var clusters = list.Select(item =>
                item is Dictionary<string, object?> cluster
                    ? ReadCluster(environment, region, cluster, file)
                    : throw new SourceLocatedException(
                        $"{file}: each cluster of '{environment}' must be a mapping.",
                        file
                    )
            )
            .ToList();
        return new ClusterEnvironment
        {
            Name = environment,
            Region = region,
            NodeGroups = ReadNodeGroups(environment, map, file),
            CdRole = ReadRole(environment, map, "cdRole", file),
            ReadOnlyRole = ReadRole(environment, map, "readOnlyRole", file),
            Clusters = clusters,
        };
    }

    private static string? ReadRole(
        string environment,
        Dictionary<string, object?> map,
        string key,
        string file
    ) =>
        map.GetValueOrDefault(key) switch
        {
            null => null,
            string arn
                when arn.StartsWith("arn:", StringComparison.Ordinal)
                    && arn.Contains(":role/", StringComparison.Ordinal) => arn,
            var other => throw Error(
                map,
                key,
                file,
                $"environment '{environment}': {key} must be an IAM role ARN (arn:aws:iam::<account>:role/<name>), not {YamlData.Describe(other)} '{other}'."
            ),
        };

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
}
