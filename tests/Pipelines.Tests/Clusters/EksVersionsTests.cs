using Pipelines.Clusters;
using Pipelines.Clusters.Calendar;

namespace Pipelines.Tests.Clusters;

public class EksVersionsTests
{
    private static readonly EksCalendar Table = EksCalendar.Fallback("offline in a test");

    [Fact]
    public void The_newest_version_the_table_knows_is_1_35_and_the_table_covers_1_28_to_1_35()
    {
        // Arrange
        var versions = EksVersions.All.Select(v => v.Version).ToList();

        // Act
        var newest = Table.Newest;

        // Assert
        Assert.Equal("1.35", newest.Version);
        Assert.Equal(new DateOnly(2026, 1, 28), newest.EksRelease);
        Assert.Equal(new DateOnly(2027, 3, 27), newest.EndOfStandardSupport);
        Assert.Equal(new DateOnly(2028, 3, 27), newest.EndOfExtendedSupport);
        foreach (var minor in Enumerable.Range(28, 8))
        {
            Assert.Contains($"1.{minor}", versions);
        }
    }

    [Fact]
    public void Standard_support_days_count_down_to_the_calendar_date_and_go_negative_after_it()
    {
        // Arrange
        var v133 = Table.Find("1.33")!;

        // Act
        var before = v133.DaysOfStandardSupportLeft(new DateOnly(2026, 7, 19));
        var after = v133.DaysOfStandardSupportLeft(new DateOnly(2026, 8, 1));

        // Assert
        Assert.Equal(new DateOnly(2026, 7, 29), v133.EndOfStandardSupport);
        Assert.Equal(10, before);
        Assert.Equal(-3, after);
    }

    [Fact]
    public void Every_row_is_in_order_and_standard_support_ends_about_fourteen_months_after_release()
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
                // AWS's UTC dates may put the end a day before release + 14 months (1.35: 2026-01-28, 2027-03-27).
                Assert.True(
                    r.EndOfStandardSupport >= r.EksRelease.AddMonths(14).AddDays(-1),
                    r.Version
                );
                Assert.Equal(r.EndOfStandardSupport.AddYears(1), r.EndOfExtendedSupport);
            }
        );
    }

    [Fact]
    public void Versions_are_found_with_a_v_prefix_or_a_patch_level()
    {
        // Arrange
        var expected = EksVersions.All.Single(v => v.Version == "1.32");

        // Act
        var found = new[] { Table.Find("v1.32"), Table.Find("1.32.4") };

        // Assert
        Assert.All(found, f => Assert.Same(expected, f));
    }
}
