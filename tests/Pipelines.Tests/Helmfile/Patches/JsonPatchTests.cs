using Pipelines.Helmfile.Patches;
using Pipelines.Yaml.Data;

namespace Pipelines.Tests.Helmfile.Patches;

/// <summary>The RFC 6902 engine on plain data, for the corners a chart rarely reaches.</summary>
public class JsonPatchTests
{
    private static object? Apply(string document, string operations) =>
        JsonPatch.Apply(
            YamlData.ParseMapping(document, "doc.yaml"),
            JsonPatchOperation.ParseAll(
                YamlData.ParseDocuments(operations, "patch.yaml")[0],
                "patch"
            )
        );

    [Fact]
    public void A_negative_index_counts_from_the_end_as_kustomizes_json_patch_library_allows()
    {
        // Act
        var result = Apply(
            "items: [a, b, c]\n",
            "- {op: replace, path: /items/-1, value: z}\n- {op: remove, path: /items/-3}\n"
        );

        // Assert
        Assert.Equal(
            new List<object?> { "b", "z" },
            ((Dictionary<string, object?>)result!)["items"]
        );
    }

    [Fact]
    public void Moving_a_value_into_one_of_its_own_children_is_refused()
    {
        // Act
        var error = Assert.Throws<PatchFailure>(() =>
            Apply("a: {b: 1}\n", "- {op: move, from: /a, path: /a/b/c}\n")
        );

        // Assert
        Assert.Equal(
            "operation 1 (move /a to /a/b/c): a value cannot be moved into one of its own children.",
            error.Message
        );
    }

    [Fact]
    public void An_index_past_the_end_is_an_error_giving_the_valid_range()
    {
        // Act
        var error = Assert.Throws<PatchFailure>(() =>
            Apply("items: [a]\n", "- {op: add, path: /items/5, value: x}\n")
        );

        // Assert
        Assert.EndsWith(
            "'5' is not an index of a list of 1 (0 to 1, or - to append).",
            error.Message
        );
    }

    [Fact]
    public void A_test_compares_as_json_so_an_integer_never_equals_a_float()
    {
        // Act
        var error = Assert.Throws<PatchFailure>(() =>
            Apply("n: 1\n", "- {op: test, path: /n, value: 1.0}\n")
        );

        // Assert
        Assert.EndsWith("test failed: the value is 1, the patch expects 1.0.", error.Message);
    }

    [Fact]
    public void A_malformed_label_selector_is_refused_with_the_forms_it_takes()
    {
        // Act
        var error = Assert.Throws<PatchFailure>(() => LabelSelector.Parse("app in demo"));

        // Assert
        Assert.StartsWith(
            "'app in demo' in selector 'app in demo' is not a label requirement;",
            error.Message
        );
    }
}
