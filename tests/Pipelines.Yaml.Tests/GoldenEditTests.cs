using Pipelines.Yaml.Editing;

namespace Pipelines.Yaml.Tests;

public class GoldenEditTests
{
    private static YamlPath P(string path) => YamlPath.Parse(path);

    private static YamlEditor Input(string name) =>
        YamlEditor.Parse(Golden.Input(name), $"{name}.yaml");

    [Fact]
    public void Setting_a_tag_keeps_the_comments_above_beside_and_inside_its_block()
    {
        // Arrange
        var editor = Input("comments-around-tag");

        // Act
        var edited = editor.SetScalar(P("image.tag"), "0.2.0-9e8d7c6");

        // Assert
        Assert.Equal(Golden.Expected("comments-around-tag"), edited.Text);
    }

    [Fact]
    public void Flow_mappings_are_edited_and_extended_inside_their_braces()
    {
        // Arrange
        var editor = Input("flow-style");

        // Act
        var edited = editor
            .SetScalar(P("image.tag"), "v2")
            .SetScalar(P("image.digest"), "sha256:abc")
            .SetScalar(P("sidecar.tag"), "1.3");

        // Assert
        Assert.Equal(Golden.Expected("flow-style"), edited.Text);
    }

    [Fact]
    public void Each_quoting_style_is_kept_and_a_plain_value_that_would_change_type_is_double_quoted()
    {
        // Arrange
        var editor = Input("quoting-styles");

        // Act
        var edited = editor
            .SetScalar(P("plain"), "v2")
            .SetScalar(P("single"), "v2")
            .SetScalar(P("double"), "v2")
            .SetScalar(P("sha"), "1234567")
            .SetScalar(P("float"), "12e4567")
            .SetScalar(P("escaped"), "it's")
            .SetScalar(P("escapedDouble"), "say \"hi\" \\ bye\n");

        // Assert
        Assert.Equal(Golden.Expected("quoting-styles"), edited.Text);
        Assert.Equal("1234567", edited.GetScalar(P("sha")));
        Assert.Equal("say \"hi\" \\ bye\n", edited.GetScalar(P("escapedDouble")));
    }

    [Fact]
    public void Editing_an_anchored_scalar_keeps_its_anchor_and_its_aliases_follow()
    {
        // Arrange
        var editor = Input("anchors");

        // Act
        var edited = editor.SetScalar(P("defaults.tag"), "v2");

        // Assert
        Assert.Equal(Golden.Expected("anchors"), edited.Text);
        Assert.Equal("v2", edited.GetScalar(P("web.tag")));
    }

    [Fact]
    public void A_key_present_only_through_a_merge_is_added_to_the_mapping_itself()
    {
        // Arrange
        var editor = Input("merge-override");
        Assert.Equal("v1", editor.GetScalar(P("stage.tag")));

        // Act
        var edited = editor.SetScalar(P("stage.tag"), "v2");

        // Assert
        Assert.Equal(Golden.Expected("merge-override"), edited.Text);
        Assert.Equal("v2", edited.GetScalar(P("stage.tag")));
        Assert.Equal("v1", edited.GetScalar(P("prod.tag")));
        Assert.Equal("web", edited.GetScalar(P("stage.repository")));
    }

    [Fact]
    public void A_missing_digest_goes_after_the_tag_and_the_comments_indented_like_its_keys_quoted_like_them()
    {
        // Arrange
        var editor = Input("add-digest");

        // Act
        var edited = editor.SetScalar(P("image.digest"), "sha256:4c0a1b2f");

        // Assert
        Assert.Equal(Golden.Expected("add-digest"), edited.Text);
    }

    [Fact]
    public void A_missing_image_block_is_added_at_the_end_with_the_files_own_indentation()
    {
        // Arrange
        var editor = Input("add-image-block");

        // Act
        var edited = editor
            .SetScalar(P("image.tag"), "0.2.0-9e8d7c6")
            .SetScalar(P("image.digest"), "sha256:4c0a1b2f");

        // Assert
        Assert.Equal(Golden.Expected("add-image-block"), edited.Text);
    }

    [Fact]
    public void Block_scalars_stay_blocks_or_become_double_quoted_when_a_block_cannot_hold_the_value()
    {
        // Arrange
        var editor = Input("block-scalars");

        // Act
        var edited = editor
            .SetScalar(P("notes"), "one\ntwo\n\nthree\n")
            .SetScalar(P("folded"), "a shorter line")
            .SetScalar(P("script"), "  indented\nlines");

        // Assert
        Assert.Equal(Golden.Expected("block-scalars"), edited.Text);
    }

    [Fact]
    public void RemoveKey_takes_the_entry_lines_with_the_comments_inside_it_and_leaves_an_empty_mapping_as_braces()
    {
        // Arrange
        var editor = Input("remove-key");

        // Act
        var edited = editor
            .RemoveKey(P("image.digest"))
            .RemoveKey(P("image.extra"))
            .RemoveKey(P("solo.only"));

        // Assert
        Assert.Equal(Golden.Expected("remove-key"), edited.Text);
    }
}
