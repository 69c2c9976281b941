using Pipelines.TestServers;
using Pipelines.Yaml.Editing;

namespace Pipelines.Yaml.Tests;

/// <summary>
/// Property checks over the repository's own hand-written YAML: every value set changes exactly its own bytes, and
/// every other kind of edit passes the editor's own check (the new text holds the old data with exactly that change).
/// </summary>
public class RealFilesTests
{
    public static TheoryData<string> Files()
    {
        var root = RepositoryRoot.Path;
        var files = new TheoryData<string>();
        foreach (
            var file in Directory
                .EnumerateFiles(
                    Path.Combine(root, "helmfile"),
                    "*.yaml",
                    SearchOption.AllDirectories
                )
                .Concat(
                    Directory.EnumerateFiles(
                        Path.Combine(root, "charts"),
                        "*values.yaml",
                        SearchOption.AllDirectories
                    )
                )
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(f => f != "helmfile/helmfile.yaml")
                .Order(StringComparer.Ordinal)
        )
        {
            files.Add(file);
        }
        return files;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Setting_any_scalar_changes_exactly_the_bytes_of_that_scalar(string file)
    {
        // Arrange
        var editor = Load(file);
        var scalars = Nodes(editor)
            .OfType<ScalarNode>()
            .Where(s => !s.IsEmpty && !s.IsBlock)
            .ToList();
        Assert.NotEmpty(scalars);

        foreach (var scalar in scalars)
        {
            foreach (var value in new[] { "0.2.0-9e8d7c6", "1234567", "a: b # c", "it's \"x\"" })
            {
                // Act
                var edited = editor.SetScalar(scalar.Path, value);

                // Assert
                var before = editor.Text[..scalar.TokenStart];
                var after = editor.Text[scalar.End..];
                Assert.StartsWith(before, edited.Text, StringComparison.Ordinal);
                Assert.EndsWith(after, edited.Text, StringComparison.Ordinal);
                var written = edited.Text[before.Length..^after.Length];
                Assert.DoesNotContain('\n', written);
                Assert.Equal(value, edited.GetScalar(scalar.Path));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_key_can_be_removed_added_to_and_every_list_extended_and_shrunk(string file)
    {
        // Arrange
        var editor = Load(file);

        foreach (var node in Nodes(editor).Where(n => n.Path.Segments.Count > 0))
        {
            // Act + Assert: each edit passes the editor's own data check, or it throws.
            if (node.Path.Segments[^1] is YamlPathSegment.Key)
            {
                Assert.False(editor.RemoveKey(node.Path).Exists(node.Path));
            }
            switch (node)
            {
                case MappingNode:
                    var added = node.Path.Append(new YamlPathSegment.Key("added"));
                    Assert.Equal("x", editor.SetScalar(added, "x").GetScalar(added));
                    break;
                case SequenceNode { Items: [{ Value: ScalarNode first }, ..] }:
                    Assert.Equal(
                        "new",
                        editor.AppendToSequence(node.Path, "new").GetScalarSequence(node.Path)[^1]
                    );
                    Assert.DoesNotContain(
                        first.Value,
                        editor
                            .RemoveFromSequence(node.Path, first.Value)
                            .GetScalarSequence(node.Path)
                    );
                    break;
                case SequenceNode { Items: [{ Value: MappingNode }, ..] }:
                    var appended = editor.AppendMapping(
                        node.Path,
                        [new("name", "new"), new("list", (IReadOnlyList<string>)["a"])]
                    );
                    Assert.Equal(
                        ["a"],
                        appended.GetScalarSequence(YamlPath.Parse($"{node.Path}[name=new].list"))
                    );
                    break;
            }
        }
    }

    private static YamlEditor Load(string file) =>
        YamlEditor.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, file)), file);

    private static IEnumerable<YamlNode> Nodes(YamlEditor editor)
    {
        var pending = new Stack<YamlNode>();
        if (editor.Document.Root is { } root)
        {
            pending.Push(root);
        }
        while (pending.TryPop(out var node))
        {
            yield return node;
            var children = node switch
            {
                MappingNode mapping => mapping.Entries.Select(e => e.Value),
                SequenceNode sequence => sequence.Items.Select(i => i.Value),
                _ => [],
            };
            foreach (var child in children)
            {
                pending.Push(child);
            }
        }
    }
}
