using Pipelines.Engine;

namespace Pipelines.Tests.Engine;

/// <summary>What one target hands to another: a value type of this test, never a string, so types key the store.</summary>
internal sealed record Artifact(string Name);

/// <summary>A build whose targets hand an <see cref="Artifact"/> along: Package produces it, Deploy and Announce read it.</summary>
internal sealed class HandOffBuild : RecordingBuild
{
    [Parameter("Name of the artifact Package produces")]
    public string ArtifactName { get; private set; } = "app.zip";

    public List<string> Seen { get; } = [];

    public Target Package =>
        _ =>
            _.Produces<Artifact>()
                .Executes(() =>
                {
                    Record(nameof(Package));
                    Results.Put(new Artifact(ArtifactName));
                });

    /// <summary>Needs the artifact: fails without it.</summary>
    public Target Deploy =>
        _ =>
            _.Consumes<Artifact>()
                .Executes(() =>
                {
                    Record(nameof(Deploy));
                    lock (Seen)
                    {
                        Seen.Add(Results.Get<Artifact>().Name);
                    }
                });

    /// <summary>Has a fallback: announces the artifact of an earlier run.</summary>
    public Target Announce =>
        _ =>
            _.Consumes<Artifact>("announces the last released artifact")
                .Executes(() =>
                {
                    Record(nameof(Announce));
                    lock (Seen)
                    {
                        Seen.Add(Results.TryGet<Artifact>()?.Name ?? "last release");
                    }
                });

    /// <summary>Puts a value it never declared.</summary>
    public Target Sneaky =>
        _ => _.Unlisted().Executes(() => Results.Put(new Artifact("undeclared")));
}

/// <summary>A build whose consumer has no producer: a mistake in the build's code.</summary>
internal sealed class OrphanConsumerBuild : RecordingBuild
{
    public Target Deploy => _ => _.Consumes<Artifact>().Executes(() => Record(nameof(Deploy)));
}

public class TargetResultsTests
{
    [Fact]
    public async Task A_consumer_gets_the_value_its_producer_put_in_the_same_run()
    {
        // Arrange
        var build = new HandOffBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(
            build,
            "Package",
            "Deploy",
            "--artifact-name",
            "v2.zip"
        );

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["v2.zip"], build.Seen);
    }

    [Fact]
    public async Task A_consumer_runs_after_its_producer_even_when_named_first()
    {
        // Arrange
        var build = new HandOffBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Deploy", "Package");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Package", "Deploy"], build.Executed);
    }

    [Fact]
    public async Task A_consumer_whose_producer_was_skipped_fails_with_a_usage_error_naming_the_producer()
    {
        // Arrange
        var build = new HandOffBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(
            build,
            "Package",
            "Deploy",
            "--skip",
            "Package"
        );

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(TargetStatus.Failed, result.StatusOf("Deploy"));
        Assert.Contains(
            "Deploy needs the Artifact that Package produces in the same run, but Package was skipped (--skip). "
                + "Run them together: ./build.sh Deploy (do not --skip Package).",
            result.AllOutput
        );
    }

    [Fact]
    public async Task A_consumer_with_a_fallback_takes_it_when_its_producer_did_not_run()
    {
        // Arrange
        var build = new HandOffBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Announce");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["last release"], build.Seen);
    }

    [Fact]
    public async Task Two_builds_running_at_once_in_one_process_never_see_each_others_values()
    {
        // Arrange
        var producing = new HandOffBuild();
        var notProducing = new HandOffBuild();

        // Act
        var results = await Task.WhenAll(
            BuildHarness.RunOnceAsync(
                producing,
                "Package",
                "Announce",
                "--artifact-name",
                "mine.zip"
            ),
            BuildHarness.RunOnceAsync(notProducing, "Package", "Announce", "--skip", "Package")
        );

        // Assert
        Assert.All(results, r => Assert.Equal(0, r.ExitCode));
        Assert.Equal(["mine.zip"], producing.Seen);
        Assert.Equal(["last release"], notProducing.Seen);
    }

    [Fact]
    public async Task The_same_build_run_twice_starts_each_run_with_an_empty_store()
    {
        // Arrange
        var build = new HandOffBuild();
        using var harness = new BuildHarness();
        await harness.RunAsync(build, "Package", "Announce");

        // Act
        var second = await harness.RunAsync(build, "Announce");

        // Assert
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(["app.zip", "last release"], build.Seen);
    }

    [Fact]
    public async Task A_target_that_puts_a_value_it_did_not_declare_fails_and_names_the_declaration()
    {
        // Arrange
        var build = new HandOffBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Sneaky");

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "Target Sneaky hands over Artifact but does not declare it: add .Produces<Artifact>() to its definition.",
            result.AllOutput
        );
    }

    [Fact]
    public async Task A_consumer_without_a_producer_in_the_build_is_a_definition_error()
    {
        // Arrange
        var build = new OrphanConsumerBuild();

        // Act
        var result = await BuildHarness.RunOnceAsync(build, "Deploy");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(build.Executed);
        Assert.Contains(
            "Target Deploy consumes Artifact, but no target of the build declares .Produces<Artifact>().",
            result.AllOutput
        );
    }
}
