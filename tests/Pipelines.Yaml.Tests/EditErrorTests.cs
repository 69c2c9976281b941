using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.TestServers;
using Pipelines.Yaml.Editing;

namespace Pipelines.Yaml.Tests;

public class EditErrorTests
{
    private static YamlPath P(string path) => YamlPath.Parse(path);

    private static YamlEditException Fails(string text, Func<YamlEditor, YamlEditor> edit) =>
        Assert.Throws<YamlEditException>(() => edit(YamlEditor.Parse(text, "values/web.yaml")));

    [Theory]
    [InlineData("image:\n  tag: v1\n\trepo: x\n", 3, 1, "tab")]
    [InlineData("image:\n  tag: \"v1\n  repo: x\n", 2, 8, "double-quoted scalar")]
    [InlineData("image:\n  tag: v1\n repo: x\n", 3, 2, "did not find expected key")]
    [InlineData("a: [1, 2\nb: 3\n", 1, 4, "never closed")]
    public void Broken_yaml_names_the_file_line_and_column_and_the_parsers_problem(
        string text,
        int line,
        int column,
        string problem
    )
    {
        // Act
        var error = Assert.Throws<YamlEditException>(() =>
            YamlEditor.Parse(text, "values/web.yaml")
        );

        // Assert
        Assert.Equal("values/web.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.StartsWith(
            $"values/web.yaml:{line}:{column}: invalid YAML: ",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_several_documents_is_refused_at_the_second_one()
    {
        // Act
        var error = Fails("a: 1\n---\nb: 2\n", e => e);

        // Assert
        Assert.Equal(2, error.Line);
        Assert.Contains("single document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_repositorys_multi_document_helmfile_is_refused_and_a_leading_marker_is_fine()
    {
        // Arrange
        var helmfile = File.ReadAllText(
            Path.Combine(RepositoryRoot.Path, "helmfile", "helmfile.yaml")
        );

        // Act
        var error = Assert.Throws<YamlEditException>(() =>
            YamlEditor.Parse(helmfile, "helmfile/helmfile.yaml")
        );
        var single = YamlEditor.Parse("---\na: 1\n", "v.yaml").SetScalar(P("a"), "2");

        // Assert
        Assert.StartsWith("helmfile/helmfile.yaml:", error.Message, StringComparison.Ordinal);
        Assert.Equal("---\na: 2\n", single.Text);
    }

    [Fact]
    public void A_path_through_a_scalar_names_the_path_the_line_and_what_was_found()
    {
        // Act
        var error = Fails("# web\nimage: web:v1\n", e => e.SetScalar(P("image.tag"), "v2"));

        // Assert
        Assert.Equal(
            "values/web.yaml:2:8: cannot follow 'image.tag': 'image' is the scalar 'web:v1', not a mapping, so it has no key 'tag'.",
            error.Message
        );
    }

    [Fact]
    public void A_path_through_a_list_where_a_key_is_needed_suggests_picking_an_item()
    {
        // Act
        var error = Fails("clusters:\n  - name: a\n", e => e.SetScalar(P("clusters.name"), "b"));

        // Assert
        Assert.Contains(
            "'clusters' is a list, not a mapping",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "clusters[0] or clusters[name=...]",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void An_index_on_a_mapping_is_refused()
    {
        // Act
        var error = Fails("image:\n  tag: v1\n", e => e.SetScalar(P("image[0]"), "x"));

        // Assert
        Assert.Contains(
            "'image' is a mapping, not a list, so it has no item [0]",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Setting_an_alias_points_at_the_anchor_to_edit_instead()
    {
        // Act
        var error = Fails(Golden.Input("anchors"), e => e.SetScalar(P("web.tag"), "v2"));

        // Assert
        Assert.Equal(6, error.Line);
        Assert.Contains(
            "'web.tag' is an alias (*t) of the anchor &t defined at line 2 ('defaults.tag')",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void An_edit_through_an_alias_is_refused()
    {
        // Act
        var error = Fails("base: &b\n  tag: v1\nweb: *b\n", e => e.SetScalar(P("web.tag"), "v2"));

        // Assert
        Assert.Contains(
            "'web' is an alias (*b) of the anchor &b defined at line 1 ('base')",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void An_edit_below_a_key_that_only_comes_through_a_merge_is_refused_because_merges_are_shallow()
    {
        // Act
        var error = Fails(
            "base: &b\n  image:\n    repository: web\n    tag: v1\nstage:\n  <<: *b\n",
            e => e.SetScalar(P("stage.image.tag"), "v2")
        );

        // Assert
        Assert.Equal(6, error.Line);
        Assert.Contains(
            "'stage.image' exists here only through the merge key",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Contains("A merge is shallow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_a_key_that_only_comes_through_a_merge_is_refused()
    {
        // Act
        var error = Fails(Golden.Input("merge-override"), e => e.RemoveKey(P("prod.tag")));

        // Assert
        Assert.Equal(8, error.Line);
        Assert.Contains("comes through the merge key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_list_item_lists_the_values_there()
    {
        // Act
        var error = Fails(
            Golden.Input("clusters"),
            e => e.SetScalar(P("environments.stage.clusters[name=stage-9].state"), "retired")
        );

        // Assert
        Assert.Contains(
            "no item of 'environments.stage.clusters' has name=stage-9. The name values there are: stage-1-32-blue, stage-1-33-green.",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void An_index_past_the_end_says_how_many_items_there_are()
    {
        // Act
        var error = Fails("tags:\n  - a\n", e => e.SetScalar(P("tags[3]"), "b"));

        // Assert
        Assert.Contains(
            "'tags' has 1 item(s), so there is no item [3]",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_list_item_cannot_be_invented_on_the_way_to_a_key()
    {
        // Act
        var error = Fails("a: 1\n", e => e.SetScalar(P("clusters[0].name"), "x"));

        // Assert
        Assert.Contains("cannot invent the list item [0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_items_matching_one_selector_are_ambiguous()
    {
        // Act
        var error = Fails(
            "c:\n  - name: a\n  - name: a\n",
            e => e.SetScalar(P("c[name=a].state"), "x")
        );

        // Assert
        Assert.Contains(
            "ambiguous: items 0 (line 2) and 1 of 'c' both have name=a",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_key_written_twice_is_refused_with_both_lines()
    {
        // Act
        var error = Fails("image:\n  tag: v1\n  tag: v2\n", e => e.SetScalar(P("image.tag"), "v3"));

        // Assert
        Assert.Contains(
            "appears twice in this mapping (lines 2 and 3)",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void An_alias_to_an_undefined_anchor_is_refused()
    {
        // Act
        var error = Fails("a: *nope\n", e => e);

        // Assert
        Assert.Contains("refers to no anchor &nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_of_the_wrong_shape_are_refused_by_every_operation()
    {
        // Arrange
        const string Text = "image:\n  tag: v1\nlist:\n  - name: a\nkeep: |+\n  x\n\nnext: 1\n";

        // Act
        var setMapping = Fails(Text, e => e.SetScalar(P("image"), "x"));
        var appendScalar = Fails(Text, e => e.AppendToSequence(P("image.tag"), "x"));
        var appendMapping = Fails(Text, e => e.AppendMapping(P("image"), [new("a", "b")]));
        var removeFromScalar = Fails(Text, e => e.RemoveFromSequence(P("image.tag"), "x"));
        var getMapping = Assert.Throws<YamlEditException>(() =>
            YamlEditor.Parse(Text, "v.yaml").GetScalar(P("image"))
        );
        var getMappings = Assert.Throws<YamlEditException>(() =>
            YamlEditor.Parse(Text, "v.yaml").GetScalarSequence(P("list"))
        );
        var keepBlock = Fails(Text, e => e.SetScalar(P("keep"), "y"));

        // Assert
        Assert.Contains(
            "'image' is a mapping, not a single value",
            setMapping.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "'image.tag' is the scalar 'v1', not a list",
            appendScalar.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "'image' is a mapping, not a list",
            appendMapping.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "'image.tag' is the scalar 'v1', not a list",
            removeFromScalar.Message,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "'image' is a mapping, not a single value",
            getMapping.Message,
            StringComparison.Ordinal
        );
        Assert.Contains("list of single values", getMappings.Message, StringComparison.Ordinal);
        Assert.Contains(
            "keeps its trailing line breaks",
            keepBlock.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Bad_arguments_are_refused_before_anything_is_written()
    {
        // Arrange
        var editor = YamlEditor.Parse("a:\n  - x\n", "v.yaml");

        // Act + Assert
        Assert.Throws<UsageException>(() => editor.RemoveKey(P("a[0]")));
        Assert.Throws<ArgumentException>(() => editor.AppendMapping(P("a"), [new("n", 1)]));
        Assert.Throws<ArgumentException>(() =>
            editor.AppendMapping(P("a"), [new("n", "1"), new("n", "2")])
        );
        Assert.Throws<ArgumentException>(() => editor.SetScalar(P("b"), "bad\uD800"));
        Assert.Equal("a:\n  - x\n", editor.Text);
    }
}
