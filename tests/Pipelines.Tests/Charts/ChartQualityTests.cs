namespace Pipelines.Tests.Charts;

/// <summary>Every chart passes <c>helm lint --strict</c> and renders the same bytes every time.</summary>
public sealed class ChartQualityTests
{
    public static TheoryData<string, string> ChartsAndVersions =>
        new()
        {
            { "app", "1.18" },
            { "app", "1.22" },
            { "app", "1.35" },
            { "log-forwarder", "1.18" },
            { "log-forwarder", "1.35" },
            { "metrics-agent", "1.18" },
            { "metrics-agent", "1.35" },
        };

    [Theory]
    [MemberData(nameof(ChartsAndVersions))]
    public async Task The_chart_passes_strict_lint_with_its_ci_values(
        string chart,
        string kubeVersion
    )
    {
        // Arrange
        var path = TestHelm.Chart(chart);

        // Act
        var result = await TestHelm.RunAsync(
            "lint",
            path,
            "--strict",
            "--kube-version",
            kubeVersion,
            "-f",
            Path.Combine(path, "ci", "lint-values.yaml")
        );

        // Assert
        Assert.Contains("1 chart(s) linted, 0 chart(s) failed", result.StandardOutput);
        Assert.DoesNotContain("[WARNING]", result.StandardOutput);
    }

    [Theory]
    [InlineData("log-forwarder")]
    [InlineData("metrics-agent")]
    public async Task The_management_chart_passes_strict_lint_with_its_defaults(string chart)
    {
        // Act
        var result = await TestHelm.RunAsync("lint", TestHelm.Chart(chart), "--strict");

        // Assert
        Assert.Contains("1 chart(s) linted, 0 chart(s) failed", result.StandardOutput);
    }

    [Theory]
    [MemberData(nameof(ChartsAndVersions))]
    public async Task Two_renders_of_the_same_values_are_byte_identical(
        string chart,
        string kubeVersion
    )
    {
        // Arrange
        var values = File.ReadAllText(
            Path.Combine(TestHelm.Chart(chart), "ci", "lint-values.yaml")
        );

        // Act
        var first = await TestHelm.TemplateAsync(chart, kubeVersion, values);
        var second = await TestHelm.TemplateAsync(chart, kubeVersion, values);

        // Assert
        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }
}
