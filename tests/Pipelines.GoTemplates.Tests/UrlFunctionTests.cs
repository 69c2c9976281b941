using static Pipelines.GoTemplates.Tests.TemplateKit;

namespace Pipelines.GoTemplates.Tests;

public class UrlFunctionTests
{
    [Fact]
    public void UrlParse_gives_sprigs_keys_with_the_path_and_fragment_unescaped()
    {
        // Act
        var output = Render(
            "{{ urlParse \"HTTPS://user:pw@example.com:8443/a%20b/c?x=1&y=%20#frag%21\" }}"
        );

        // Assert
        Assert.Equal(
            "map[fragment:frag! host:example.com:8443 hostname:example.com opaque: path:/a b/c query:x=1&y=%20 scheme:https userinfo:user:pw]",
            output
        );
    }

    [Fact]
    public void UrlParse_reads_opaque_urls_and_ipv6_hosts()
    {
        // Act
        var output = Render(
            "{{ (urlParse \"mailto:ops@example.com\").opaque }} {{ (urlParse \"http://[::1]:8080/x\").hostname }}"
        );

        // Assert
        Assert.Equal("ops@example.com ::1", output);
    }

    [Fact]
    public void UrlJoin_builds_the_url_and_escapes_the_path_as_go_does()
    {
        // Arrange
        const string template =
            "{{ urlJoin (dict \"scheme\" \"https\" \"host\" \"example.com\" \"path\" \"/a b/ü\" \"query\" \"x=1\" \"fragment\" \"top\" \"userinfo\" \"me\") }} {{ urlJoin (dict \"path\" \"relative/p\") }} {{ urlParse \"https://h/p?q#f\" | urlJoin }}";

        // Act
        var output = Render(template);

        // Assert
        Assert.Equal(
            "https://me@example.com/a%20b/%C3%BC?x=1#top relative/p https://h/p?q#f",
            output
        );
    }

    [Fact]
    public void A_url_part_that_is_not_text_is_an_error_naming_the_key()
    {
        // Act
        var error = RenderError("{{ urlJoin (dict \"host\" 80) }}");

        // Assert
        Assert.Contains(
            "unable to parse host key, must be of type string, but int found",
            error.Message
        );
    }

    [Fact]
    public void A_malformed_url_is_an_error_with_gos_reason()
    {
        // Act
        var error = RenderError("{{ urlParse \"http://h/%zz\" }}");

        // Assert
        Assert.Contains(
            "unable to parse url: parse \"http://h/%zz\": invalid URL escape \"%zz\"",
            error.Message
        );
    }
}
