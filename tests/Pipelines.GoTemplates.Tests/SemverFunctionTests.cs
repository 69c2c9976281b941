using static Pipelines.GoTemplates.Tests.TemplateKit;

namespace Pipelines.GoTemplates.Tests;

public class SemverFunctionTests
{
    [Theory]
    [InlineData(">=1.2 <2", "1.5.0", true)]
    [InlineData(">=1.2 <2", "2.0.0", false)]
    [InlineData(">=1.2, <2", "1.1.9", false)]
    [InlineData("~1.2", "1.2.9", true)]
    [InlineData("~1.2", "1.3.0", false)]
    [InlineData("~1.2.3", "1.2.2", false)]
    [InlineData("~1", "1.9.0", true)]
    [InlineData("^1.2", "1.9.0", true)]
    [InlineData("^1.2", "2.0.0", false)]
    [InlineData("^0.2.3", "0.2.9", true)]
    [InlineData("^0.2.3", "0.3.0", false)]
    [InlineData("^0.0.3", "0.0.4", false)]
    [InlineData("1.2.x", "1.2.7", true)]
    [InlineData("1.2.x", "1.3.0", false)]
    [InlineData("*", "4.5.6", true)]
    [InlineData(">1", "1.9.0", false)]
    [InlineData(">1", "2.0.0", true)]
    [InlineData(">1.1", "1.1.9", false)]
    [InlineData("<=1.2", "1.2.9", true)]
    [InlineData("!=1.2.3", "1.2.3", false)]
    [InlineData("!=1.2.x", "1.3.0", true)]
    [InlineData("<1.0.0 || >=2.1", "2.1.0", true)]
    [InlineData("<1.0.0 || >=2.1", "1.5.0", false)]
    [InlineData("1.2 - 1.4.5", "1.4.5", true)]
    [InlineData("1.2 - 1.4.5", "1.4.6", false)]
    [InlineData(">=1.0.0", "1.2.0-rc.1", false)]
    [InlineData(">=1.2.0-0", "1.2.0-rc.1", true)]
    [InlineData(">=1.2.0-rc.2", "1.2.0-rc.10", true)]
    [InlineData(">=v1.20.0-0", "v1.29.3-eks-adc7111", true)]
    public void SemverCompare_follows_masterminds_constraint_rules(
        string constraint,
        string version,
        bool expected
    )
    {
        // Act
        var output = Render($"{{{{ semverCompare \"{constraint}\" \"{version}\" }}}}");

        // Assert
        Assert.Equal(expected ? "true" : "false", output);
    }

    [Fact]
    public void A_version_exposes_its_parts_as_methods_and_prints_normalised()
    {
        // Arrange
        const string template =
            "{{ $v := semver \"v1.2.3-rc.1+build.5\" }}{{ $v.Major }}.{{ $v.Minor }}.{{ $v.Patch }} {{ $v.Prerelease }} {{ $v.Metadata }} {{ $v.Original }} {{ $v }} {{ semver \"1.4\" }} {{ typeOf $v }}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal(
            "1.2.3 rc.1 build.5 v1.2.3-rc.1+build.5 1.2.3-rc.1+build.5 1.4.0 *semver.Version",
            output
        );
    }

    [Fact]
    public void Versions_compare_with_their_methods()
    {
        // Arrange
        const string template =
            "{{ (semver \"1.2.3\").Compare (semver \"1.3.0\") }} {{ (semver \"1.2.3\").LessThan (semver \"1.2.3-rc.1\") }} {{ (semver \"1.2.3\").IncMinor }} {{ if (semver \"1.29.0\").GreaterThan (semver \"1.28.9\") }}newer{{ end }}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal("-1 false 1.3.0 newer", output);
    }

    [Fact]
    public void A_bad_constraint_is_an_error_naming_it_and_showing_the_syntax()
    {
        // Act
        var error = RenderError("\n{{ semverCompare \">>1.2\" \"1.2.0\" }}");

        // Assert
        Assert.StartsWith($"{TemplateFile}:2:4: at <semverCompare", error.Message);
        Assert.Contains("error calling semverCompare: improper constraint: >>1.2", error.Message);
        Assert.Contains("constraints look like", error.Message);
    }

    [Fact]
    public void A_bad_version_is_an_error_naming_it()
    {
        // Act
        var error = RenderError("{{ semver \"1.2.3.4\" }}");

        // Assert
        Assert.Contains(
            "error calling semver: invalid semantic version: \"1.2.3.4\"",
            error.Message
        );
    }

    [Fact]
    public void An_unknown_method_of_a_version_lists_the_methods()
    {
        // Act
        var error = RenderError("{{ (semver \"1.2.3\").Build }}");

        // Assert
        Assert.Contains("can't evaluate field Build in type *semver.Version", error.Message);
        Assert.Contains("Major", error.Message);
    }
}
