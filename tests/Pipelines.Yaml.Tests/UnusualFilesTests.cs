using Pipelines.TestServers;
using Pipelines.Yaml.Editing;

namespace Pipelines.Yaml.Tests;

/// <summary>
/// Every edit of every node of files full of anchors, merges, flow style, block scalars and odd layouts either
/// succeeds (having passed the editor's own check of the new text) or fails with an explained error, never with the
/// check's "internal error".
/// </summary>
public class UnusualFilesTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        var golden = Path.Combine(RepositoryRoot.Path, "tests", "Pipelines.Yaml.Tests", "Golden");
        foreach (
            var file in Directory
                .EnumerateFiles(golden, "*.input.yaml")
                .Order(StringComparer.Ordinal)
        )
        {
            data.Add(File.ReadAllText(file));
        }
        data.Add("a: {b: [1, {c: d}], e: }\nf: [ ]\ng: { }\n");
        data.Add("- - a\n  - b\n- name: x\n  tags: [t]\n-\n- &i {k: v}\n- *i\n");
        data.Add(
            "top:\n  - a\n  -   b   # wide\n  - 'c'\nnext:\n    deep:\n        deeper: \"d\"\n"
        );
        data.Add("k: &a !!str 1\nl: !!map\n  m: 2\nn: &s\n  - x\no: *a\n");
        data.Add("multi: plain text\n  continued here\nquoted: \"one\n  two\"\nend: 1");
        data.Add("a:\r\n  b: 1\r\n  # c\r\nd: [x]\r\nlit: |\r\n  x\r\n  y\r\n");
        data.Add(
            "\"a.b\": 1\n'c': [\"d\"]\nemoji: \"\U0001F600\" # \u00e9\ne: 1\t# tab before comment\n...\n"
        );
        data.Add(
            "list:\n# between\n- a\n\n- b\n    # deep comment\n- c:\n    d: 1\nlast: >\n  folded\n  text\n"
        );
        data.Add("keep: |+\n  x\n\nafter: {a: , b}\n");
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_edit_succeeds_or_explains_itself(string text)
    {
        // Arrange
        var editor = YamlEditor.Parse(text, "unusual.yaml");
        var paths = Paths(editor.Document.Root).ToList();

        foreach (var path in paths)
        {
            // Act + Assert
            Try($"set {path}", () => editor.SetScalar(path, "v 2"));
            Try(
                $"set {path}.new",
                () => editor.SetScalar(path.Append(new YamlPathSegment.Key("new")), "1234567")
            );
            Try($"append to {path}", () => editor.AppendToSequence(path, "item"));
            Try(
                $"append a mapping to {path}",
                () =>
                    editor.AppendMapping(
                        path,
                        [new("name", "n"), new("list", (IReadOnlyList<string>)["a", "b"])]
                    )
            );
            Try($"remove a from {path}", () => editor.RemoveFromSequence(path, "a"));
            if (path.Segments.Count > 0 && path.Segments[^1] is YamlPathSegment.Key)
            {
                Try($"remove {path}", () => editor.RemoveKey(path));
            }
        }
        Assert.True(
            _succeeded > paths.Count,
            $"only {_succeeded} edits of {paths.Count} paths succeeded"
        );
    }

    private int _succeeded;

    private void Try(string what, Func<YamlEditor> edit)
    {
        try
        {
            edit();
            _succeeded++;
        }
        catch (YamlEditException exception)
            when (!exception.Message.Contains("internal error", StringComparison.Ordinal))
        {
            // An explained refusal is a fine outcome.
        }
        catch (Exception exception)
        {
            Assert.Fail($"{what}: {exception}");
        }
    }

    private static IEnumerable<YamlPath> Paths(YamlNode? node)
    {
        if (node is null)
        {
            yield break;
        }
        yield return node.Path;
        var children = node switch
        {
            MappingNode mapping => mapping.Entries.Select(e => e.Value),
            SequenceNode sequence => sequence.Items.Select(i => i.Value),
            _ => [],
        };
        foreach (var path in children.SelectMany(Paths))
        {
            yield return path;
        }
    }
}
