using Pipelines.Failures;
using Pipelines.Sync;

namespace Pipelines.Tests.Sync;

/// <summary>helmfile/sync.yaml read into ignoreDifferences rules; shape errors at file:line:col with the fix.</summary>
public sealed class SyncConfigTests
{
    private const string File = "helmfile/sync.yaml";

    private static SourceLocatedException Refused(string text) =>
        Assert.Throws<SourceLocatedException>(() => SyncConfig.Parse(text, File));

    [Fact]
    public void Rules_are_read_in_argo_cds_shape()
    {
        // Arrange
        var text =
            "ignoreDifferences:\n  - group: apps\n    kind: Deployment\n    namespace: web-app\n    jsonPointers:\n      - /spec/replicas\n";

        // Act
        var rule = SyncConfig.Parse(text, File).Single();

        // Assert
        Assert.Equal(
            ("apps", "Deployment", null, "web-app"),
            (rule.Group, rule.Kind, rule.Name, rule.Namespace)
        );
        Assert.Equal(["/spec/replicas"], rule.JsonPointers);
    }

    [Fact]
    public void An_empty_file_has_no_rules()
    {
        // Act
        var rules = SyncConfig.Parse("# nothing ignored yet\n", File);

        // Assert
        Assert.Empty(rules);
    }

    [Fact]
    public void A_misspelt_field_is_refused_instead_of_silently_ignoring_nothing()
    {
        // Arrange
        var text =
            "ignoreDifferences:\n  - kind: Deployment\n    jsonPointer:\n      - /spec/replicas\n";

        // Act
        var error = Refused(text);

        // Assert
        Assert.Equal(
            "helmfile/sync.yaml:3:5: ignoreDifferences[0]: unknown field 'jsonPointer'. Did you mean 'jsonPointers'? Known: group, kind, name, namespace, jsonPointers.",
            error.Message
        );
    }

    [Fact]
    public void Json_pointers_given_as_one_string_are_refused_as_not_a_list()
    {
        // Arrange
        var text = "ignoreDifferences:\n  - kind: Deployment\n    jsonPointers: /spec/replicas\n";

        // Act
        var error = Refused(text);

        // Assert
        Assert.Equal(
            "helmfile/sync.yaml:3:5: ignoreDifferences[0].jsonPointers must be a list of strings, not '/spec/replicas'.",
            error.Message
        );
    }

    [Fact]
    public void A_rule_without_a_kind_is_told_to_add_one()
    {
        // Arrange
        var text = "ignoreDifferences:\n  - group: apps\n    jsonPointers: [/spec/replicas]\n";

        // Act
        var error = Refused(text);

        // Assert
        Assert.Equal(
            "helmfile/sync.yaml:2:5: ignoreDifferences[0]: required field 'kind' is missing; add it: a string.",
            error.Message
        );
    }

    [Fact]
    public void A_field_given_twice_is_refused_at_the_second()
    {
        // Arrange
        var text = "ignoreDifferences:\n  - kind: Deployment\n    kind: StatefulSet\n";

        // Act
        var error = Refused(text);

        // Assert
        Assert.Equal(
            "helmfile/sync.yaml:3:5: ignoreDifferences[0].kind is given twice (first on line 2); keep one.",
            error.Message
        );
    }
}
