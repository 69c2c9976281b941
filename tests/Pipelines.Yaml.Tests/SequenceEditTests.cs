using Pipelines.Yaml.Editing;

namespace Pipelines.Yaml.Tests;

public class SequenceEditTests
{
    private static YamlPath P(string path) => YamlPath.Parse(path);

    private static YamlEditor Parse(string text) => YamlEditor.Parse(text, "v.yaml");

    [Fact]
    public void Flow_lists_grow_and_shrink_inside_their_brackets()
    {
        // Arrange
        var editor = Parse("tags: [a, b]  # flow\n");

        // Act
        var appended = editor.AppendToSequence(P("tags"), "c");
        var withoutFirst = appended.RemoveFromSequence(P("tags"), "a");
        var withoutLast = appended.RemoveFromSequence(P("tags"), "c");
        var emptied = Parse("tags: [a]\n").RemoveFromSequence(P("tags"), "a");
        var refilled = emptied.AppendToSequence(P("tags"), "z");

        // Assert
        Assert.Equal("tags: [a, b, c]  # flow\n", appended.Text);
        Assert.Equal("tags: [b, c]  # flow\n", withoutFirst.Text);
        Assert.Equal("tags: [a, b]  # flow\n", withoutLast.Text);
        Assert.Equal("tags: []\n", emptied.Text);
        Assert.Equal("tags: [z]\n", refilled.Text);
    }

    [Fact]
    public void A_block_item_is_appended_in_the_quoting_style_of_its_siblings_and_after_their_comments()
    {
        // Arrange
        var editor = Parse("tags:\n- \"a\"\n# - \"old\"\nnext: 1\n");

        // Act
        var edited = editor.AppendToSequence(P("tags"), "b");

        // Assert
        Assert.Equal("tags:\n- \"a\"\n# - \"old\"\n- \"b\"\nnext: 1\n", edited.Text);
    }

    [Fact]
    public void Every_copy_of_the_removed_item_goes_and_other_lines_stay()
    {
        // Arrange
        var editor = Parse("tags:\n  - a  # first\n  - b\n  - a\n  # the end\nnext: 1\n");

        // Act
        var edited = editor.RemoveFromSequence(P("tags"), "a");

        // Assert
        Assert.Equal("tags:\n  - b\n  # the end\nnext: 1\n", edited.Text);
    }

    [Fact]
    public void An_empty_value_or_a_missing_key_becomes_a_block_list()
    {
        // Act
        var filled = Parse("carries:\nother: 1\n").AppendToSequence(P("carries"), "app=web");
        var created = Parse("a:\n  b: 1\n").AppendToSequence(P("a.c"), "x");

        // Assert
        Assert.Equal("carries:\n  - app=web\nother: 1\n", filled.Text);
        Assert.Equal("a:\n  b: 1\n  c:\n    - x\n", created.Text);
    }

    [Fact]
    public void A_new_list_follows_the_files_habit_of_dashes_under_their_key()
    {
        // Act
        var text = Parse("a:\n  list:\n  - x\n").AppendToSequence(P("b"), "w").Text;

        // Assert
        Assert.Equal("a:\n  list:\n  - x\nb:\n- w\n", text);
    }

    [Fact]
    public void A_mapping_is_appended_to_a_missing_list_and_to_a_flow_list()
    {
        // Act
        var created = Parse("environments: {}\n")
            .AppendMapping(
                P("environments.clusters"),
                [new("name", "a"), new("carries", (IReadOnlyList<string>)[])]
            );
        var flow = Parse("items: [{name: a}]\n").AppendMapping(P("items"), [new("name", "b c")]);

        // Assert
        Assert.Equal("environments: {clusters: [{name: a, carries: []}]}\n", created.Text);
        Assert.Equal("items: [{name: a}, {name: b c}]\n", flow.Text);
    }

    [Fact]
    public void A_mapping_appended_to_a_block_list_puts_its_first_key_on_the_dash_line()
    {
        // Act
        var text = Parse("# clusters\nclusters:\n- name: a\n  tags:\n  - x\n")
            .AppendMapping(
                P("clusters"),
                [new("name", "b"), new("tags", (IReadOnlyList<string>)["w", "true"])]
            )
            .Text;

        // Assert
        Assert.Equal(
            "# clusters\nclusters:\n- name: a\n  tags:\n  - x\n- name: b\n  tags:\n  - w\n  - \"true\"\n",
            text
        );
    }

    [Fact]
    public void Removing_the_first_key_of_a_list_item_moves_the_next_key_onto_the_dash_line()
    {
        // Arrange
        var editor = Parse("items:\n  - name: a\n    state: on\n  - name: b\n");

        // Act
        var first = editor.RemoveKey(P("items[0].name"));
        var only = editor.RemoveKey(P("items[1].name"));

        // Assert
        Assert.Equal("items:\n  - state: on\n  - name: b\n", first.Text);
        Assert.Equal("items:\n  - name: a\n    state: on\n  - {}\n", only.Text);
    }

    [Fact]
    public void Keys_are_removed_from_flow_mappings_with_their_commas()
    {
        // Arrange
        var editor = Parse("image: {a: 1, b: 2, c: 3}\n");

        // Act
        var middle = editor.RemoveKey(P("image.b"));
        var last = editor.RemoveKey(P("image.c"));

        // Assert
        Assert.Equal("image: {a: 1, c: 3}\n", middle.Text);
        Assert.Equal("image: {a: 1, b: 2}\n", last.Text);
    }

    [Fact]
    public void Reads_follow_aliases_and_merge_keys()
    {
        // Arrange
        var editor = Parse("base: &b\n  tags: &t [x, y]\n  tag: v1\napp:\n  <<: *b\n  more: *t\n");

        // Act
        var merged = editor.GetScalar(P("app.tag"));
        var aliased = editor.GetScalarSequence(P("app.more"));

        // Assert
        Assert.Equal("v1", merged);
        Assert.Equal(["x", "y"], aliased);
        Assert.True(editor.Exists(P("app.tags")));
        Assert.False(editor.Exists(P("app.tag.deeper")));
        Assert.Null(editor.GetScalar(P("app.missing")));
        Assert.Empty(editor.GetScalarSequence(P("app.missing")));
    }
}
