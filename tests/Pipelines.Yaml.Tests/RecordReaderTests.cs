using Pipelines.Failures;
using Pipelines.Yaml.Records;

namespace Pipelines.Yaml.Tests;

/// <summary>The record reader on its own: types, nulls, anchors, and errors that are not about one file's shape.</summary>
public sealed class RecordReaderTests
{
    private sealed record Settings
    {
        public required string Name { get; init; }
        public int? Retries { get; init; }
        public IReadOnlyList<Step>? Steps { get; init; }
        public IReadOnlyDictionary<string, string>? Labels { get; init; }
    }

    private sealed record Step
    {
        public required string Run { get; init; }
        public bool? Quiet { get; init; }
    }

    private static SourceLocatedException Refused(string text) =>
        Assert.Throws<SourceLocatedException>(() => RecordReader.Read<Settings>(text, "s.yaml"));

    [Fact]
    public void Records_lists_and_mappings_are_read_with_the_positions_of_their_fields()
    {
        // Arrange
        var text =
            "name: web\nretries: 3\nsteps:\n  - run: build\n  - run: test\n    quiet: true\nlabels: { tier: app }\n";

        // Act
        var read = RecordReader.Read<Settings>(text, "s.yaml");

        // Assert
        Assert.Equal(("web", 3), (read.Root.Name, read.Root.Retries));
        Assert.Equal(["build", "test"], read.Root.Steps!.Select(s => s.Run));
        Assert.True(read.Root.Steps![1].Quiet);
        Assert.Equal("app", read.Root.Labels!["tier"]);
        Assert.Equal(
            "s.yaml:6:5: quiet is wrong here",
            read.Problem(read.Root.Steps[1], "quiet", "quiet is wrong here").Message
        );
    }

    [Fact]
    public void Anchors_and_aliases_are_followed()
    {
        // Arrange
        var text = "name: web\nsteps:\n  - &build { run: build }\n  - *build\n";

        // Act
        var read = RecordReader.Read<Settings>(text, "s.yaml");

        // Assert
        Assert.Equal(["build", "build"], read.Root.Steps!.Select(s => s.Run));
    }

    [Fact]
    public void A_quoted_number_is_text_and_not_a_whole_number()
    {
        // Act
        var error = Refused("name: web\nretries: \"3\"\n");

        // Assert
        Assert.Equal("s.yaml:2:1: retries must be a whole number, not '3'.", error.Message);
    }

    [Fact]
    public void A_hole_in_a_list_is_refused_at_the_item()
    {
        // Act
        var error = Refused("name: web\nsteps:\n  - run: build\n  -\n");

        // Assert
        Assert.Equal("s.yaml:4:4: steps[1] must be a mapping, not null.", error.Message);
    }

    [Fact]
    public void A_list_where_a_mapping_belongs_says_so()
    {
        // Act
        var error = Refused("name: web\nsteps:\n  - [build]\n");

        // Assert
        Assert.Equal("s.yaml:3:5: steps[0] must be a mapping, not a list.", error.Message);
    }

    [Fact]
    public void An_empty_file_lacks_its_required_fields()
    {
        // Act
        var error = Refused("");

        // Assert
        Assert.Equal(
            "s.yaml:1:1: required field 'name' is missing; add it: a string.",
            error.Message
        );
    }

    [Fact]
    public void A_file_that_is_not_a_mapping_says_what_it_is()
    {
        // Act
        var error = Refused("- web\n");

        // Assert
        Assert.Equal("s.yaml:1:1: the file must be a mapping, not a list.", error.Message);
    }

    [Fact]
    public void Invalid_yaml_is_reported_at_its_line()
    {
        // Act
        var error = Refused("name: web\nretries: 3\n  bad: indentation\n");

        // Assert
        Assert.StartsWith("s.yaml:", error.Message);
        Assert.Contains("invalid YAML", error.Message);
    }
}
