using Pipelines.Clusters;
using Pipelines.Engine;

namespace Pipelines.Tests.Clusters;

public class EksVersionsTests
{
    [Fact]
    public void The_newest_version_the_project_knows_is_1_34_and_the_table_covers_1_28_to_1_34()
    {
        // Arrange
        var versions = EksVersions.All.Select(v => v.Version).ToList();

        // Act
        var newest = EksVersions.Newest;

        // Assert
        Assert.Equal("1.34", newest.Version);
        foreach (var minor in Enumerable.Range(28, 7))
        {
            Assert.Contains($"1.{minor}", versions);
        }
    }

    [Fact]
    public void Standard_support_days_count_down_to_the_calendar_date_and_go_negative_after_it()
    {
        // Arrange
        var v133 = EksVersions.Get("1.33");

        // Act
        var before = v133.DaysOfStandardSupportLeft(new DateOnly(2026, 7, 19));
        var after = v133.DaysOfStandardSupportLeft(new DateOnly(2026, 8, 1));

        // Assert
        Assert.Equal(new DateOnly(2026, 7, 29), v133.EndOfStandardSupport);
        Assert.Equal(10, before);
        Assert.Equal(-3, after);
    }

    [Fact]
    public void Every_row_is_in_order_and_standard_support_ends_fourteen_months_or_more_after_release()
    {
        // Arrange
        var rows = EksVersions.All;

        // Act
        var pairs = rows.Zip(rows.Skip(1)).ToList();

        // Assert
        Assert.All(pairs, p => Assert.True(p.First.EksRelease < p.Second.EksRelease));
        Assert.All(
            rows,
            r =>
            {
                Assert.True(r.EndOfStandardSupport >= r.EksRelease.AddMonths(14), r.Version);
                Assert.Equal(r.EndOfStandardSupport.AddYears(1), r.EndOfExtendedSupport);
            }
        );
    }

    [Theory]
    [InlineData("1.40")]
    [InlineData("1.20")]
    [InlineData("latest")]
    public void An_unknown_version_is_a_usage_error_listing_the_known_ones(string version)
    {
        // Arrange
        var known = string.Join(", ", EksVersions.All.Select(v => v.Version));

        // Act
        var error = Assert.Throws<UsageException>(() => EksVersions.Get(version));

        // Assert
        Assert.Contains($"--kube-version {version}", error.Message);
        Assert.Contains($"Known: {known}", error.Message);
    }

    [Fact]
    public void Versions_are_found_with_a_v_prefix_or_a_patch_level()
    {
        // Arrange
        var expected = EksVersions.Get("1.32");

        // Act
        var found = new[] { EksVersions.Find("v1.32"), EksVersions.Find("1.32.4") };

        // Assert
        Assert.All(found, f => Assert.Same(expected, f));
    }
}
