using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Yaml.Records;

namespace Pipelines.Clusters;

/// <summary>
/// Reads <c>helmfile/clusters.yaml</c>, the single source of truth for which clusters exist per environment.
/// Every mistake is reported with the file, the cluster and the fix.
/// </summary>
internal static partial class ClustersFile
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
        var read = RecordReader.Read<ClustersDocument>(text, file);
        var environments = read
            .Root.Environments.Select(pair => ReadEnvironment(read, pair.Key, pair.Value))
            .ToList();
        var duplicate = environments
            .SelectMany(e => e.Entries)
            .GroupBy(c => c.Name)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw read.Problem(
                duplicate.Last(),
                "name",
                $"cluster '{duplicate.Key}' is declared twice; names must be unique."
            );
        }
        return environments.Select(e => e.Environment).ToList();
    }

    private static (
        ClusterEnvironment Environment,
        IReadOnlyList<ClusterEntry> Entries
    ) ReadEnvironment(
        RecordFile<ClustersDocument> read,
        string environment,
        EnvironmentEntry entry
    ) =>
        (
            new ClusterEnvironment
            {
                Name = environment,
                Region = entry.Region,
                NodeGroups = ReadNodeGroups(read, environment, entry),
                CdRole = entry.CdRole?.Value,
                ReadOnlyRole = entry.ReadOnlyRole?.Value,
                Clusters = entry
                    .Clusters.Select(cluster =>
                        ReadCluster(read, environment, entry.Region, cluster)
                    )
                    .ToList(),
            },
            entry.Clusters
        );
}
