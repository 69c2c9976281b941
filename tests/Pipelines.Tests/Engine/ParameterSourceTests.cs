using Pipelines.Engine;

namespace Pipelines.Tests.Engine;

public class ParameterSourceTests
{
    private sealed class SettingsBuild : RecordingBuild
    {
        [Parameter("Where to deploy")]
        public string Stage { get; private set; } = "code";

        [Parameter("Environment name")]
        public string Env { get; private set; } = "dev";

        public Target Show => _ => _.Executes(() => Record(nameof(Show)));

        Target Other => _ => _.Executes(() => Record(nameof(Other)));
    }

    [Theory]
    [InlineData(0, "code")]
    [InlineData(1, "file")]
    [InlineData(2, "profile-b")]
    [InlineData(3, "env")]
    [InlineData(4, "cli")]
    public async Task Each_source_overrides_the_ones_below_it(int layers, string expected)
    {
        // Arrange
        using var harness = new BuildHarness();
        var args = new List<string> { "Show" };
        if (layers >= 1)
        {
            harness.WriteParameters("""{ "Stage": "file" }""");
        }
        if (layers >= 2)
        {
            harness.WriteParameters("""{ "Stage": "profile-a" }""", "a");
            harness.WriteParameters("""{ "Stage": "profile-b" }""", "b");
            args.AddRange(["--profile", "a", "b"]);
        }
        if (layers >= 3)
        {
            harness.Environment["PIPELINES_STAGE"] = "env";
        }
        if (layers >= 4)
        {
            args.AddRange(["--stage", "cli"]);
        }
        var build = new SettingsBuild();

        // Act
        var result = await harness.RunAsync(build, [.. args]);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, build.Stage);
    }

    [Theory]
    [InlineData("a b", "profile-b")]
    [InlineData("b a", "profile-a")]
    public async Task The_last_profile_named_wins(string profiles, string expected)
    {
        // Arrange
        using var harness = new BuildHarness();
        harness.WriteParameters("""{ "Stage": "file", "Env": "from-file" }""");
        harness.WriteParameters("""{ "Stage": "profile-a" }""", "a");
        harness.WriteParameters("""{ "Stage": "profile-b" }""", "b");
        harness.Environment["PIPELINES_PROFILE"] = profiles.Replace(' ', ',');
        var build = new SettingsBuild();

        // Act
        var result = await harness.RunAsync(build, "Show");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, build.Stage);
        Assert.Equal("from-file", build.Env);
    }

    [Fact]
    public async Task An_empty_prefixed_variable_counts_as_unset_so_the_file_below_it_still_applies()
    {
        // Arrange
        using var harness = new BuildHarness();
        harness.WriteParameters("""{ "Stage": "file" }""");
        harness.Environment["PIPELINES_STAGE"] = "";
        var build = new SettingsBuild();

        // Act
        var result = await harness.RunAsync(build, "Show");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("file", build.Stage);
    }

    [Fact]
    public async Task Environment_variables_without_the_prefix_have_no_effect()
    {
        // Arrange
        using var harness = new BuildHarness();
        harness.Environment["STAGE"] = "prod";
        harness.Environment["ENV"] = "prod";
        harness.Environment["TARGET"] = "Other";
        harness.Environment["SKIP"] = "Show";
        harness.Environment["DRY_RUN"] = "true";
        var build = new SettingsBuild();

        // Act
        var result = await harness.RunAsync(build, b => b.Show, CancellationToken.None);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Show"], build.Executed);
        Assert.Equal("code", build.Stage);
        Assert.Equal("dev", build.Env);
        Assert.False(build.DryRun);
    }

    [Fact]
    public async Task Prefixed_environment_variables_bind_engine_options_and_targets()
    {
        // Arrange
        using var harness = new BuildHarness();
        harness.Environment["PIPELINES_ENV"] = "prod";
        harness.Environment["PIPELINES_TARGET"] = "Other";
        harness.Environment["PIPELINES_DRY_RUN"] = "true";
        var build = new SettingsBuild();

        // Act
        var result = await harness.RunAsync(build, b => b.Show, CancellationToken.None);

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Other"], build.Executed);
        Assert.Equal("prod", build.Env);
        Assert.True(build.DryRun);
    }

    [Fact]
    public async Task An_unknown_key_in_the_parameters_file_is_a_usage_error_naming_the_file()
    {
        // Arrange
        using var harness = new BuildHarness();
        harness.WriteParameters("""{ "Stag": "prod" }""");
        var build = new SettingsBuild();

        // Act
        var result = await harness.RunAsync(build, "Show");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(".nuke/parameters.json: unknown parameter 'Stag'", result.Error);
        Assert.Contains("Did you mean 'Stage'?", result.Error);
        Assert.Empty(build.Executed);
    }

    [Fact]
    public async Task Invalid_json_is_a_usage_error_naming_the_file_and_line()
    {
        // Arrange
        using var harness = new BuildHarness();
        harness.WriteParameters("{\n  \"Stage\": \"prod\",\n  \"Env\": prod\n}\n", "ci");
        var build = new SettingsBuild();

        // Act
        var result = await harness.RunAsync(build, "Show", "--profile", "ci");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(".nuke/parameters.ci.json:3:", result.Error);
        Assert.Empty(build.Executed);
    }

    [Fact]
    public async Task A_missing_profile_is_a_usage_error_listing_the_available_ones()
    {
        // Arrange
        using var harness = new BuildHarness();
        harness.WriteParameters("{}");
        harness.WriteParameters("{}", "local");
        harness.WriteParameters("{}", "ci");
        var build = new SettingsBuild();

        // Act
        var result = await harness.RunAsync(build, "Show", "--profile", "staging");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Profile 'staging'", result.Error);
        Assert.Contains("Available profiles: ci, local.", result.Error);
        Assert.Empty(build.Executed);
    }

    [Fact]
    public async Task The_store_records_where_each_value_came_from()
    {
        // Arrange
        using var harness = new BuildHarness();
        harness.WriteParameters("""{ "Env": "qa" }""");
        harness.Environment["PIPELINES_STAGE"] = "env";
        var build = new SettingsBuild();

        // Act
        await harness.RunAsync(build, "Show");

        // Assert
        Assert.Equal("from PIPELINES_STAGE", build.Parameters.SourceOf("Stage"));
        Assert.Equal("from .nuke/parameters.json", build.Parameters.SourceOf("Env"));
    }
}
