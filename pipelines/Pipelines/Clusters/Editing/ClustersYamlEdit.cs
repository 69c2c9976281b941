namespace Pipelines.Clusters.Editing;

/// <summary>
/// One comment-preserving change to clusters.yaml, addressed by a YamlEditor path such as
/// <c>environments.stage.clusters[name=stage-1-33-green].state</c>. The lifecycle plans its changes as a list of
/// these (pure, testable), and <see cref="ClustersYamlEditor"/> applies them to the text.
/// </summary>
internal abstract record ClustersYamlEdit(string Path)
{
    /// <summary>The path of a cluster's mapping.</summary>
    public static string ClusterPath(ClusterDefinition cluster) =>
        $"environments.{cluster.Environment}.clusters[name={cluster.Name}]";
}

/// <summary>Sets a scalar, keeping its quoting.</summary>
internal sealed record SetScalar(string Path, string Value) : ClustersYamlEdit(Path);

/// <summary>Appends a scalar to a list, creating the list when it is missing.</summary>
internal sealed record AppendItem(string Path, string Value) : ClustersYamlEdit(Path);

/// <summary>Removes a scalar item from a list.</summary>
internal sealed record RemoveItem(string Path, string Value) : ClustersYamlEdit(Path);

/// <summary>Removes a key and its value.</summary>
internal sealed record RemoveKey(string Path) : ClustersYamlEdit(Path);

/// <summary>Appends a mapping (a new cluster) to a list, styled like its siblings.</summary>
internal sealed record AppendMapping(
    string Path,
    IReadOnlyList<KeyValuePair<string, object>> Entries
) : ClustersYamlEdit(Path);
