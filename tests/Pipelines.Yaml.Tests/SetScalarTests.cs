using Pipelines.Yaml.Editing;

namespace Pipelines.Yaml.Tests;

public class SetScalarTests
{
    private static YamlPath P(string path) => YamlPath.Parse(path);

    private static string Set(string text, string path, string value) =>
        YamlEditor.Parse(text, "v.yaml").SetScalar(P(path), value).Text;

    [Fact]
    public void An_empty_file_gets_the_keys_appended_with_two_space_indentation()
    {
        // Act
        var text = Set("", "image.tag", "v1");

        // Assert
        Assert.Equal("image:\n  tag: v1\n", text);
    }

    [Fact]
    public void A_file_of_comments_without_a_final_line_break_gets_the_keys_after_the_comments()
    {
        // Act
        var text = Set("# web in test\n# set by CI", "image.tag", "v1");

        // Assert
        Assert.Equal("# web in test\n# set by CI\nimage:\n  tag: v1", text);
    }

    [Fact]
    public void A_document_with_only_a_start_marker_gets_the_keys_after_it()
    {
        // Act
        var text = Set("---\n", "image.tag", "v1");

        // Assert
        Assert.Equal("---\nimage:\n  tag: v1\n", text);
    }

    [Fact]
    public void A_CRLF_file_keeps_CRLF_on_changed_and_added_lines()
    {
        // Arrange
        var input = Golden.Input("add-digest").Replace("\n", "\r\n", StringComparison.Ordinal);
        var editor = YamlEditor.Parse(input, "stage.yaml");

        // Act
        var edited = editor
            .SetScalar(P("image.digest"), "sha256:4c0a1b2f")
            .SetScalar(P("image.tag"), "0.1.0-3f2a1bc");

        // Assert
        Assert.Equal(
            Golden.Expected("add-digest").Replace("\n", "\r\n", StringComparison.Ordinal),
            edited.Text
        );
        Assert.DoesNotContain(
            "\n",
            edited.Text.Replace("\r\n", "", StringComparison.Ordinal),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void An_all_digit_short_sha_replacing_a_plain_tag_is_double_quoted_to_stay_a_string()
    {
        // Act
        var text = Set("image:\n  tag: 3f2a1bc # short sha\n", "image.tag", "1234567");

        // Assert
        Assert.Equal("image:\n  tag: \"1234567\" # short sha\n", text);
    }

    [Fact]
    public void A_plain_number_replaced_by_a_number_stays_plain_so_its_type_is_kept()
    {
        // Act
        var text = Set("replicas: 3\nenabled: true\n", "replicas", "4");
        var toggled = Set(text, "enabled", "false");

        // Assert
        Assert.Equal("replicas: 4\nenabled: false\n", toggled);
    }

    [Fact]
    public void An_empty_value_is_filled_in_place_and_an_empty_block_gets_keys_below_its_comment()
    {
        // Act
        var filled = Set("tag:\nother: 1\n", "tag", "v1");
        var nested = Set("image:  # set by CI\n  # pinned\nother: 1\n", "image.tag", "v1");

        // Assert
        Assert.Equal("tag: v1\nother: 1\n", filled);
        Assert.Equal("image:  # set by CI\n  # pinned\n  tag: v1\nother: 1\n", nested);
    }

    [Fact]
    public void A_comment_indented_less_than_the_parents_keys_belongs_to_the_next_section()
    {
        // Act
        var text = Set("a:\n  b:\n    c: 1\n  # about d\n  d: 2\n", "a.b.e", "x");

        // Assert
        Assert.Equal("a:\n  b:\n    c: 1\n    e: x\n  # about d\n  d: 2\n", text);
    }

    [Fact]
    public void Keys_holding_dots_are_written_in_quoted_brackets()
    {
        // Arrange
        var editor = YamlEditor.Parse("annotations:\n  example.com/owner: sre\n", "v.yaml");

        // Act
        var edited = editor
            .SetScalar(P("annotations[\"example.com/owner\"]"), "web")
            .SetScalar(P("annotations['example.com/team']"), "apps");

        // Assert
        Assert.Equal(
            "annotations:\n  example.com/owner: web\n  example.com/team: apps\n",
            edited.Text
        );
    }

    [Fact]
    public void List_items_are_reached_by_index_and_by_a_key_value()
    {
        // Arrange
        var editor = YamlEditor.Parse("a:\n  b:\n    - x\n    - name: n1\n      v: 1\n", "v.yaml");

        // Act
        var edited = editor.SetScalar(P("a.b[0]"), "w").SetScalar(P("a.b[name=n1].v"), "2");

        // Assert
        Assert.Equal("a:\n  b:\n    - w\n    - name: n1\n      v: 2\n", edited.Text);
    }

    [Fact]
    public void Setting_the_same_value_returns_the_same_editor_and_edits_never_change_the_original()
    {
        // Arrange
        var editor = YamlEditor.Parse("tag: v1\n", "v.yaml");

        // Act
        var same = editor.SetScalar(P("tag"), "v1");
        var changed = editor.SetScalar(P("tag"), "v2");

        // Assert
        Assert.Same(editor, same);
        Assert.Equal("tag: v1\n", editor.Text);
        Assert.Equal("tag: v2\n", changed.Text);
    }

    [Fact]
    public void A_new_key_that_only_reads_as_a_string_when_quoted_is_quoted()
    {
        // Act
        var text = Set("a: 1\n", "on", "yes");

        // Assert
        Assert.Equal("a: 1\n\"on\": \"yes\"\n", text);
    }

    [Fact]
    public void A_value_inside_a_flow_list_is_quoted_when_it_holds_a_comma()
    {
        // Act
        var text = Set("tags: [a, b]\n", "tags[1]", "c,d");

        // Assert
        Assert.Equal("tags: [a, \"c,d\"]\n", text);
    }
}
