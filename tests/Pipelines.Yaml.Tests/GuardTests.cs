using Pipelines.Yaml.Editing;

namespace Pipelines.Yaml.Tests;

public class GuardTests
{
    private static YamlPath P(string path) => YamlPath.Parse(path);

    private static YamlEditException Fails(string text, Func<YamlEditor, YamlEditor> edit) =>
        Assert.Throws<YamlEditException>(() => edit(YamlEditor.Parse(text, "v.yaml")));

    [Fact]
    public void The_edit_check_refuses_text_that_does_not_parse_changes_other_data_or_does_not_read_back()
    {
        // Arrange
        var document = YamlEditor.Parse("a: 1\nb: 2\n", "v.yaml").Document;

        // Act
        var broken = Assert.Throws<YamlEditException>(() =>
            EditCheck.Run(document, "a: [1\nb: 2\n", "setting 'a'", root => root, _ => null)
        );
        var moved = Assert.Throws<YamlEditException>(() =>
            EditCheck.Run(document, "a: 1\nb: 3\n", "setting 'a'", root => root, _ => null)
        );
        var unread = Assert.Throws<YamlEditException>(() =>
            EditCheck.Run(
                document,
                "a: 1\nb: 2\n",
                "setting 'a'",
                root => root,
                _ => "reads 'a' back wrong"
            )
        );

        // Assert
        Assert.Contains(
            "internal error in the YAML editor: setting 'a' produced text that does not parse",
            broken.Message,
            StringComparison.Ordinal
        );
        Assert.Contains("changes more than that edit", moved.Message, StringComparison.Ordinal);
        Assert.Contains(
            "reads 'a' back wrong. The file was not changed.",
            unread.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Overlapping_text_edits_are_a_bug_and_refused()
    {
        // Act + Assert
        Assert.Throws<InvalidOperationException>(() =>
            TextEdit.Apply("abcdef", [new TextEdit(1, 3, "x"), new TextEdit(2, 4, "y")])
        );
        Assert.Equal(
            "axyf",
            TextEdit.Apply("abcdef", [new TextEdit(3, 5, "y"), new TextEdit(1, 3, "x")])
        );
    }

    [Fact]
    public void Removing_what_defines_an_anchor_still_in_use_is_refused()
    {
        // Act
        var key = Fails("base: &b {tag: v1}\nweb: *b\n", e => e.RemoveKey(P("base")));
        var item = Fails(
            "list:\n  - &x a\n  - b\nother: *x\n",
            e => e.RemoveFromSequence(P("list"), "a")
        );
        var together = YamlEditor
            .Parse("base:\n  a: &x 1\n  b: *x\nc: 2\n", "v.yaml")
            .RemoveKey(P("base"));

        // Assert
        Assert.Equal(2, key.Line);
        Assert.Contains(
            "cannot remove 'base': it defines the anchor &b (line 1) that the alias *b here uses",
            key.Message,
            StringComparison.Ordinal
        );
        Assert.Contains("cannot remove 'list[0]'", item.Message, StringComparison.Ordinal);
        Assert.Equal("c: 2\n", together.Text);
    }

    [Fact]
    public void Lists_behind_aliases_or_missing_items_are_not_edited()
    {
        // Arrange
        const string Text = "common: &c [a]\nweb:\n  tags: *c\nc:\n  - name: x\nempty:\n";

        // Act
        var append = Fails(Text, e => e.AppendToSequence(P("web.tags"), "b"));
        var remove = Fails(Text, e => e.RemoveFromSequence(P("web.tags"), "a"));
        var missingItem = Fails(Text, e => e.AppendToSequence(P("c[name=y].carries"), "b"));
        var emptyList = Fails(Text, e => e.SetScalar(P("empty[0]"), "b"));
        var notAList = Assert.Throws<YamlEditException>(() =>
            YamlEditor.Parse(Text, "v.yaml").GetScalarSequence(P("c[0].name"))
        );

        // Assert
        Assert.Contains(
            "'web.tags' is an alias (*c) of the anchor &c defined at line 1 ('common')",
            append.Message,
            StringComparison.Ordinal
        );
        Assert.Contains("'web.tags' is an alias (*c)", remove.Message, StringComparison.Ordinal);
        Assert.Contains(
            "no item of 'c' has name=y. The name values there are: x.",
            missingItem.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "'empty' is empty, so it has no item [0]",
            emptyList.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "'c[0].name' is the scalar 'x', not a list",
            notAList.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_byte_order_mark_is_kept_and_not_read_into_the_first_key()
    {
        // Arrange
        var editor = YamlEditor.Parse("\uFEFFtag: v1\n", "v.yaml");

        // Act
        var edited = editor.SetScalar(P("tag"), "v2");

        // Assert
        Assert.Equal("v1", editor.GetScalar(P("tag")));
        Assert.Equal("\uFEFFtag: v2\n", edited.Text);
    }

    [Fact]
    public void Nothing_is_added_after_a_block_scalar_that_ends_the_file_without_a_line_break()
    {
        // Act
        var clipped = Fails("a: 1\nnotes: |\n  one\n  two", e => e.SetScalar(P("b"), "x"));
        var stripped = YamlEditor.Parse("notes: |-\n  one", "v.yaml").SetScalar(P("b"), "x");

        // Assert
        Assert.Equal(2, clipped.Line);
        Assert.Contains(
            "ends with the block scalar 'notes' and no line break",
            clipped.Message,
            StringComparison.Ordinal
        );
        Assert.Equal("notes: |-\n  one\nb: x", stripped.Text);
    }

    [Fact]
    public void A_key_is_not_added_after_an_anchored_value_in_braces_which_YamlDotNet_could_not_read_back()
    {
        // Act
        var error = Fails(
            "image: {repository: web, tag: &t v1}\n",
            e => e.SetScalar(P("image.digest"), "d")
        );

        // Assert
        Assert.Contains(
            "cannot add a key after the anchored value 'image.tag'",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Write the mapping in block style first",
            error.Message,
            StringComparison.Ordinal
        );
    }
}
