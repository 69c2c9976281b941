using Pipelines.Clusters;
using Pipelines.Clusters.Calendar;
using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Tests.Clusters;

/// <summary>The EKS calendar: the AWS CLI's JSON, its cache, and the choice of a version live or from the table.</summary>
public class EksCalendarTests
{
    /// <summary>
    /// Output in the shape the AWS CLI prints for <c>aws eks describe-cluster-versions</c> (the user guide's example:
    /// ISO timestamps with the Pacific offset), for 1.34 and 1.35 at their calendar dates.
    /// </summary>
    internal const string AwsOutput = """
        {
            "clusterVersions": [
                {
                    "clusterVersion": "1.35",
                    "clusterType": "eks",
                    "defaultPlatformVersion": "eks.3",
                    "defaultVersion": true,
                    "releaseDate": "2026-01-27T16:00:00-08:00",
                    "endOfStandardSupportDate": "2027-03-26T17:00:00-07:00",
                    "endOfExtendedSupportDate": "2028-03-26T17:00:00-07:00",
                    "status": "standard-support",
                    "versionStatus": "STANDARD_SUPPORT",
                    "kubernetesPatchVersion": "1.35.0"
                },
                {
                    "clusterVersion": "1.34",
                    "clusterType": "eks",
                    "defaultVersion": false,
                    "releaseDate": "2025-10-01T17:00:00-07:00",
                    "endOfStandardSupportDate": "2026-12-01T16:00:00-08:00",
                    "endOfExtendedSupportDate": "2027-12-01T16:00:00-08:00",
                    "versionStatus": "EXTENDED_SUPPORT"
                }
            ]
        }
        """;

    [Fact]
    public void The_AWS_CLI_output_gives_each_version_its_UTC_dates_and_status()
    {
        // Arrange
        var json = AwsOutput;

        // Act
        var versions = EksCalendarJson.ParseAwsOutput(json);

        // Assert
        Assert.Equal(
            [
                new EksVersion("1.35", new(2026, 1, 28), new(2027, 3, 27), new(2028, 3, 27))
                {
                    Status = "STANDARD_SUPPORT",
                },
                new EksVersion("1.34", new(2025, 10, 2), new(2026, 12, 2), new(2027, 12, 2))
                {
                    Status = "EXTENDED_SUPPORT",
                },
            ],
            versions
        );
    }

    [Fact]
    public void Epoch_seconds_as_the_API_sends_them_are_read_as_UTC_days()
    {
        // Arrange
        var json =
            """{"clusterVersions":[{"clusterVersion":"1.35","releaseDate":1769558400,"endOfStandardSupportDate":1806105600.0,"endOfExtendedSupportDate":1837728000}]}""";

        // Act
        var version = Assert.Single(EksCalendarJson.ParseAwsOutput(json));

        // Assert
        Assert.Equal(new DateOnly(2026, 1, 28), version.EksRelease);
        Assert.Equal(new DateOnly(2027, 3, 27), version.EndOfStandardSupport);
        Assert.Equal(new DateOnly(2028, 3, 27), version.EndOfExtendedSupport);
    }

    [Theory]
    [InlineData("", "it is not JSON")]
    [InlineData("Unable to locate credentials", "it is not JSON")]
    [InlineData("""{"cluster":[]}""", "it has no 'clusterVersions' array.")]
    [InlineData("""{"clusterVersions":[{"releaseDate":"2026-01-28"}]}""", "no 'clusterVersion'")]
    [InlineData(
        """{"clusterVersions":[{"clusterVersion":"1.35"}]}""",
        "lists no version with releaseDate"
    )]
    [InlineData(
        """{"clusterVersions":[{"clusterVersion":"1.35","releaseDate":"soon","endOfStandardSupportDate":"2027-03-27","endOfExtendedSupportDate":"2028-03-27"}]}""",
        "'releaseDate' is 'soon', not a date."
    )]
    [InlineData(
        """{"clusterVersions":[{"clusterVersion":"latest"}]}""",
        "'latest' is not a Kubernetes version"
    )]
    public void Output_that_is_not_the_calendar_is_refused_saying_what_is_wrong(
        string json,
        string expected
    )
    {
        // Arrange
        var output = json;

        // Act
        var error = Assert.Throws<FormatException>(() => EksCalendarJson.ParseAwsOutput(output));

        // Assert
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void The_cache_reads_back_the_day_it_was_written_and_the_versions()
    {
        // Arrange
        var versions = EksCalendarJson.ParseAwsOutput(AwsOutput);

        // Act
        var (fetched, read) = EksCalendarJson.ReadCache(
            EksCalendarJson.WriteCache(new DateOnly(2026, 12, 5), versions)
        );

        // Assert
        Assert.Equal(new DateOnly(2026, 12, 5), fetched);
        Assert.Equal(versions, read);
    }

    [Fact]
    public void Without_a_live_calendar_a_version_newer_than_the_table_is_a_warning_naming_the_table()
    {
        // Arrange
        var calendar = EksCalendar.Fallback("the AWS CLI (aws) is not on PATH");

        // Act
        var choice = calendar.Choose("1.37");

        // Assert
        Assert.Equal("1.37", choice.Version);
        Assert.Null(choice.Support);
        Assert.Contains(
            "--kube-version 1.37: Kubernetes 1.37 is newer than the newest version in pipelines/Pipelines/Clusters/Calendar/eks-versions.json (1.35)",
            choice.Warning
        );
        Assert.Contains("offline fallback: the AWS CLI (aws) is not on PATH", choice.Warning);
    }

    [Theory]
    [InlineData("1.20")]
    [InlineData("latest")]
    public void Without_a_live_calendar_an_older_or_garbled_version_is_still_refused_listing_the_known_ones(
        string version
    )
    {
        // Arrange
        var calendar = EksCalendar.Fallback("a test");
        var known = string.Join(", ", EksVersions.All.Select(v => v.Version));

        // Act
        var error = Assert.Throws<UsageException>(() => calendar.Choose(version));

        // Assert
        Assert.Contains(
            $"--kube-version {version}: not a Kubernetes version EKS supports according to the built-in table",
            error.Message
        );
        Assert.Contains($"Known: {known} (newest 1.35).", error.Message);
    }

    [Fact]
    public void A_live_calendar_is_the_authority_so_a_version_it_lacks_is_refused_naming_it()
    {
        // Arrange
        var calendar = new EksCalendar(
            EksCalendarJson.ParseAwsOutput(AwsOutput),
            EksCalendarSource.Live,
            "live from 'aws eks describe-cluster-versions' on 2026-12-05"
        );

        // Act
        var error = Assert.Throws<UsageException>(() => calendar.Choose("1.37"));
        var newest = calendar.Choose(null);

        // Assert
        Assert.Contains(
            "according to live from 'aws eks describe-cluster-versions' on 2026-12-05",
            error.Message
        );
        Assert.Contains("Known: 1.34, 1.35 (newest 1.35).", error.Message);
        Assert.Equal("1.35", newest.Version);
        Assert.Null(newest.Warning);
    }
}
