using Pipelines.Engine;

namespace Pipelines.Tests.Engine;

public class ParameterTypeTests
{
    public enum Tier
    {
        Free,
        ProPlus,
        Enterprise,
    }

    private sealed class TypedBuild : RecordingBuild
    {
        [Parameter("Chatty output")]
        public bool Verbose { get; private set; }

        [Parameter("On by default")]
        public bool Enabled { get; private set; } = true;

        [Parameter("How many")]
        public int Count { get; private set; } = 1;

        [Parameter("Plan tier")]
        public Tier Tier { get; private set; }

        [Parameter("Image tags")]
        public string[] Tags { get; private set; } = [];

        [Parameter("Where output goes")]
        public AbsolutePath? OutputDirectory { get; private set; }

        [Parameter("Target cluster", ValueProvider = nameof(Clusters))]
        public string? Cluster { get; private set; }

        IEnumerable<string> Clusters => ["dev-eu", "prod-eu"];

        Target Noop => _ => _.Executes(() => Record(nameof(Noop)));
    }

    [Theory]
    [InlineData(new[] { "--verbose" }, true, true)]
    [InlineData(new[] { "--verbose", "true", "--enabled", "false" }, true, false)]
    [InlineData(new[] { "--verbose=false", "--enabled=true" }, false, true)]
    [InlineData(new string[0], false, true)]
    public async Task A_flag_is_true_when_bare_and_takes_an_explicit_true_or_false(
        string[] options,
        bool verbose,
        bool enabled
    )
    {
        // Arrange
        var build = new TypedBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, ["Noop", .. options]);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(verbose, build.Verbose);
        Assert.Equal(enabled, build.Enabled);
        Assert.Equal(["Noop"], build.Executed);
    }

    [Fact]
    public async Task An_int_parameter_binds_a_whole_number_and_refuses_anything_else()
    {
        // Arrange
        var good = new TypedBuild();
        var bad = new TypedBuild();

        // Act
        var goodResult = await BuildHarness.RunOnceAsync(good, "Noop", "--count", "7");
        var badResult = await BuildHarness.RunOnceAsync(bad, "Noop", "--count", "seven");

        // Assert
        Assert.Equal(0, goodResult.ExitCode);
        Assert.Equal(7, good.Count);
        Assert.Equal(2, badResult.ExitCode);
        Assert.Contains("Invalid value 'seven' for --count", badResult.Error);
        Assert.Empty(bad.Executed);
    }

    [Theory]
    [InlineData("pro-plus")]
    [InlineData("PROPLUS")]
    [InlineData("Pro_Plus")]
    public async Task An_enum_value_matches_ignoring_case_and_dashes(string typed)
    {
        // Arrange
        var build = new TypedBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Noop", "--tier", typed);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Tier.ProPlus, build.Tier);
    }

    [Fact]
    public async Task A_bad_enum_value_is_a_usage_error_listing_the_values_with_a_suggestion()
    {
        // Arrange
        var build = new TypedBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Noop", "--tier", "pro-plux");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("expected one of Free, ProPlus, Enterprise", result.Error);
        Assert.Contains("Did you mean 'ProPlus'?", result.Error);
        Assert.Empty(build.Executed);
    }

    [Fact]
    public async Task An_array_takes_every_value_after_the_option()
    {
        // Arrange
        var build = new TypedBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(
            build,
            "Noop",
            "--tags",
            "a",
            "b",
            "c",
            "--count",
            "2"
        );

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["a", "b", "c"], build.Tags);
        Assert.Equal(2, build.Count);
    }

    [Fact]
    public async Task An_array_from_the_environment_is_comma_separated()
    {
        // Arrange
        using var harness = new BuildHarness();
        harness.Environment["PIPELINES_TAGS"] = "a, b,c";
        var build = new TypedBuild();

        // Act
        var result = await harness.RunAsync(build, "Noop");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["a", "b", "c"], build.Tags);
    }

    [Fact]
    public async Task A_relative_path_in_the_parameters_file_resolves_against_the_root()
    {
        // Arrange
        using var harness = new BuildHarness();
        harness.WriteParameters("""{ "OutputDirectory": "out/images" }""");
        var build = new TypedBuild();

        // Act
        var result = await harness.RunAsync(build, "Noop");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(harness.Root / "out" / "images", build.OutputDirectory);
    }

    [Fact]
    public async Task A_value_provider_accepts_its_values_and_refuses_others_with_a_suggestion()
    {
        // Arrange
        var good = new TypedBuild();
        var bad = new TypedBuild();

        // Act
        var goodResult = await BuildHarness.RunOnceAsync(good, "Noop", "--cluster", "PROD-EU");
        var badResult = await BuildHarness.RunOnceAsync(bad, "Noop", "--cluster", "prod-us");

        // Assert
        Assert.Equal(0, goodResult.ExitCode);
        Assert.Equal("prod-eu", good.Cluster);
        Assert.Equal(2, badResult.ExitCode);
        Assert.Contains("expected one of dev-eu, prod-eu", badResult.Error);
        Assert.Contains("Did you mean 'prod-eu'?", badResult.Error);
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_with_a_suggestion()
    {
        // Arrange
        var build = new TypedBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Noop", "--cuont", "3");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown parameter '--cuont'", result.Error);
        Assert.Contains("Did you mean '--count'?", result.Error);
        Assert.Empty(build.Executed);
    }
}
