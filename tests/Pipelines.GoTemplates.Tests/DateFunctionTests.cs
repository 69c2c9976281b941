using static Pipelines.GoTemplates.Tests.TemplateKit;

namespace Pipelines.GoTemplates.Tests;

/// <summary>sprig's date functions; times come from toDate with an explicit offset, so no test depends on the clock or the machine's zone.</summary>
public class DateFunctionTests
{
    private const string Rfc3339 = "2006-01-02T15:04:05Z07:00";

    private static string At(string instant) => $"(toDate \"{Rfc3339}\" \"{instant}\")";

    [Fact]
    public void A_time_prints_as_go_prints_a_time_Time()
    {
        // Arrange
        var template =
            "{{ toDate \"2006-01-02T15:04:05.999999999Z07:00\" \"2024-07-01T12:00:00.5Z\" }}|{{ toDate \"2006-01-02 15:04 -0700\" \"2024-01-02 03:04 +0530\" }}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("2024-07-01 12:00:00.5 +0000 UTC|2024-01-02 03:04:00 +0530 +0530", output);
    }

    [Fact]
    public void DateInZone_formats_every_reference_time_element_in_an_iana_zone()
    {
        // Arrange
        var template =
            $"{{{{ dateInZone \"Monday Mon January Jan 1 01 2 02 _2 __2 002 15 3 03 4 04 5 05 2006 06 PM pm MST -0700 -07:00 -07 Z07:00 .000 .999\" {At("2024-03-05T16:07:08.25Z")} \"Europe/Berlin\" }}}}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal(
            "Tuesday Tue March Mar 3 03 5 05  5  65 065 17 5 05 7 07 8 08 2024 24 PM pm CET +0100 +01:00 +01 +01:00 .250 .25",
            output
        );
    }

    [Fact]
    public void Summer_time_and_utc_print_their_own_abbreviations_and_offsets()
    {
        // Arrange
        var template =
            $"{{{{ dateInZone \"15:04 MST Z07:00\" {At("2024-07-01T12:00:00Z")} \"Europe/Berlin\" }}}}|{{{{ dateInZone \"15:04 MST Z07:00\" {At("2024-07-01T12:00:00Z")} \"UTC\" }}}}|{{{{ htmlDateInZone {At("2024-07-01T23:30:00Z")} \"Asia/Tokyo\" }}}}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("14:00 CEST +02:00|12:00 UTC Z|2024-07-02", output);
    }

    [Fact]
    public void Unix_seconds_are_accepted_where_sprig_accepts_them_and_unixEpoch_gives_them_back()
    {
        // Arrange
        var template =
            $"{{{{ dateInZone \"2006-01-02 15:04:05\" 1704067200 \"UTC\" }}}}|{{{{ {At("2024-01-01T00:00:00+01:00")} | unixEpoch }}}}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("2024-01-01 00:00:00|1704063600", output);
    }

    [Fact]
    public void DateModify_adds_a_go_duration_and_duration_prints_seconds_as_go_does()
    {
        // Arrange
        var durations =
            "{{ duration \"3723\" }} {{ duration \"95\" }} {{ duration \"0\" }} {{ duration \"x\" }} {{ durationRound \"2h30m\" }} {{ durationRound \"2160h\" }} {{ durationRound \"1.5s\" }} {{ durationRound \"-3m\" }}";

        // Act
        var modified = Render(
            $"{{{{ dateInZone \"2006-01-02 15:04\" ({At("2024-02-28T12:00:00Z")} | dateModify \"36h30m\") \"UTC\" }}}}|{{{{ dateInZone \"15:04\" ({At("2024-02-28T12:00:00Z")} | dateModify \"-90m\") \"UTC\" }}}}"
        );
        var printed = Render(durations);

        // Assert
        Assert.Equal("2024-03-01 00:30|10:30", modified);
        Assert.Equal("1h2m3s 1m35s 0s 0s 2h 3mo 1s 3m", printed);
    }

    [Fact]
    public void Time_methods_are_called_as_fields_and_with_arguments()
    {
        // Arrange
        var template =
            $"{{{{ $t := {At("2024-07-01T12:34:56+02:00")} }}}}{{{{ $t.Year }}}} {{{{ $t.YearDay }}}} {{{{ $t.Hour }}}} {{{{ $t.UTC.Hour }}}} {{{{ $t.Format \"Jan 2\" }}}} {{{{ ($t.AddDate 0 1 30).Format \"2006-01-02\" }}}} {{{{ $t.Unix }}}}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("2024 183 12 10 Jul 1 2024-08-31 1719830096", output);
    }

    [Fact]
    public void Json_of_a_time_is_rfc3339_as_go_encodes_it()
    {
        // Act
        var output = Render($"{{{{ toJson (dict \"at\" {At("2024-07-01T12:34:56+02:00")}) }}}}");

        // Assert
        Assert.Equal("{\"at\":\"2024-07-01T12:34:56+02:00\"}", output);
    }

    [Fact]
    public void Now_and_ago_read_the_clock_so_the_render_is_never_cached()
    {
        // Arrange
        var clock = GoTemplate.Parse("{{ now | date \"2006\" }}", TemplateFile);
        var ago = GoTemplate.Parse($"{{{{ ago {At("2000-01-01T00:00:00Z")} }}}}", TemplateFile);
        var fixedTime = GoTemplate.Parse(
            $"{{{{ {At("2000-01-01T00:00:00Z")} | date \"2006\" }}}}",
            TemplateFile
        );

        // Act
        var year = clock.Execute(Root(), Context());
        var since = ago.Execute(Root(), Context());
        var fixedOutput = fixedTime.Execute(Root(), Context());

        // Assert
        Assert.Equal(
            DateTime.Now.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            year.Text
        );
        Assert.False(year.Deterministic);
        Assert.Matches(@"^\d+h\d+m\d+s$", since.Text);
        Assert.False(since.Deterministic);
        Assert.True(fixedOutput.Deterministic);
    }

    [Fact]
    public void ToDate_gives_the_zero_time_for_text_that_does_not_match_and_mustToDate_says_why()
    {
        // Arrange
        const string lenient = "{{ toDate \"2006-01-02\" \"2024-13-01\" }}";
        const string strict = "{{ mustToDate \"2006-01-02\" \"2024-13-01\" }}";
        const string shape = "{{ mustToDate \"2006-01-02\" \"01/02/2024\" }}";

        // Act
        var zero = Render(lenient);
        var range = RenderError(strict);
        var mismatch = RenderError(shape);

        // Assert
        Assert.Equal("0001-01-01 00:00:00 +0000 UTC", zero);
        Assert.StartsWith($"{TemplateFile}:1:4: at <mustToDate", range.Message);
        Assert.Contains(
            "error calling mustToDate: parsing time \"2024-13-01\": month out of range",
            range.Message
        );
        Assert.Contains(
            "parsing time \"01/02/2024\" as \"2006-01-02\": cannot parse \"01/02/2024\" as \"2006\"",
            mismatch.Message
        );
    }

    [Fact]
    public void A_layout_without_any_reference_time_element_is_an_error_naming_the_reference_time()
    {
        // Act
        var error = RenderError($"x\n  {{{{ date \"YYYY-MM-DD\" {At("2024-01-01T00:00:00Z")} }}}}");

        // Assert
        Assert.StartsWith($"{TemplateFile}:2:6: at <date", error.Message);
        Assert.Contains("error calling date: the layout \"YYYY-MM-DD\"", error.Message);
        Assert.Contains("Mon Jan 2 15:04:05 MST 2006", error.Message);
    }

    [Fact]
    public void An_unknown_time_zone_is_an_error_naming_it()
    {
        // Act
        var error = RenderError(
            $"{{{{ dateInZone \"2006\" {At("2024-01-01T00:00:00Z")} \"Mars/Olympus\" }}}}"
        );

        // Assert
        Assert.StartsWith($"{TemplateFile}:1:4: at <dateInZone", error.Message);
        Assert.Contains("unknown time zone Mars/Olympus", error.Message);
    }

    [Fact]
    public void A_bad_duration_leaves_the_date_in_dateModify_and_fails_mustDateModify()
    {
        // Arrange
        var lenient =
            $"{{{{ dateInZone \"15:04\" ({At("2024-01-01T10:00:00Z")} | dateModify \"3x\") \"UTC\" }}}}";
        var strict = $"{{{{ {At("2024-01-01T10:00:00Z")} | mustDateModify \"3x\" }}}}";

        // Act
        var unchanged = Render(lenient);
        var error = RenderError(strict);

        // Assert
        Assert.Equal("10:00", unchanged);
        Assert.Contains(
            "error calling mustDateModify: time: unknown unit \"x\" in duration \"3x\"",
            error.Message
        );
    }

    [Theory]
    [InlineData("{{ duration 95 }}", "duration (toString 95)")]
    [InlineData("{{ durationRound 1500000000 }}", "durationRound \"90m\"")]
    public void An_integer_duration_is_refused_because_sprig_prints_0s_for_it(
        string template,
        string suggestion
    )
    {
        // Act
        var error = RenderError(template);

        // Assert
        Assert.Contains("sprig prints 0s for a plain int here", error.Message);
        Assert.Contains(suggestion, error.Message);
    }

    [Fact]
    public void A_date_given_as_text_is_an_error_that_suggests_toDate()
    {
        // Act
        var error = RenderError("{{ date \"2006\" \"2024-01-01\" }}");

        // Assert
        Assert.Contains("toDate \"2006-01-02\" \"2024-01-01\"", error.Message);
    }
}
