using YamlDotNet.RepresentationModel;

namespace Pipelines.Tests.GitHubActions;

/// <summary>A generated workflow read back with YamlDotNet's parser, as GitHub reads it: by value, not by text.</summary>
internal sealed class ParsedWorkflow
{
    private ParsedWorkflow(string fileName, YamlMappingNode root) =>
        (FileName, Root) = (fileName, root);

    public string FileName { get; }
    public YamlMappingNode Root { get; }

    public static ParsedWorkflow Parse(string fileName, string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return new ParsedWorkflow(fileName, (YamlMappingNode)stream.Documents[0].RootNode);
    }

    public YamlMappingNode Jobs => Map(Root, "jobs");

    public IReadOnlyList<string> JobIds => Jobs.Children.Keys.Select(Text).ToList();

    public YamlMappingNode Job(string id) => Map(Jobs, id);

    public IReadOnlyList<string> Needs(string job) =>
        Job(job).Children.TryGetValue(new YamlScalarNode("needs"), out var needs)
            ? ((YamlSequenceNode)needs).Children.Select(Text).ToList()
            : [];

    /// <summary>scope: access, or empty when the job has no permissions of its own.</summary>
    public IReadOnlyDictionary<string, string> Permissions(YamlMappingNode node) =>
        node.Children.TryGetValue(new YamlScalarNode("permissions"), out var permissions)
            ? ((YamlMappingNode)permissions).Children.ToDictionary(
                p => Text(p.Key),
                p => Text(p.Value)
            )
            : new Dictionary<string, string>();

    public IReadOnlyList<IReadOnlyDictionary<string, string>> MatrixRows(string job)
    {
        var include = (YamlSequenceNode)
            Map(Map(Job(job), "strategy"), "matrix")[new YamlScalarNode("include")];
        return include
            .Children.Cast<YamlMappingNode>()
            .Select(row =>
                (IReadOnlyDictionary<string, string>)
                    row.Children.ToDictionary(c => Text(c.Key), c => Text(c.Value))
            )
            .ToList();
    }

    public IEnumerable<YamlMappingNode> Steps(string job) =>
        ((YamlSequenceNode)Job(job)["steps"]).Children.Cast<YamlMappingNode>();

    public IEnumerable<YamlMappingNode> AllSteps => JobIds.SelectMany(Steps);

    public static string? Get(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? Text(value) : null;

    public static YamlMappingNode Map(YamlMappingNode node, string key) =>
        (YamlMappingNode)node[new YamlScalarNode(key)];

    public static string Text(YamlNode node) => ((YamlScalarNode)node).Value ?? "";
}
