using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.GitHubActions.Api;

namespace Pipelines.Tests.GitHub;

public sealed class GitHubRepositoryTests
{
    [Theory]
    [InlineData("sre/config")]
    [InlineData("sre/config.git")]
    [InlineData(" sre/config/ ")]
    [InlineData("github.com/sre/config")]
    [InlineData("https://github.com/sre/config")]
    [InlineData("https://github.com/sre/config.git")]
    [InlineData("https://github.com/sre/config/")]
    [InlineData("http://github.com/sre/config")]
    [InlineData("https://x-access-token:ghs_secret@github.com/sre/config.git")]
    [InlineData("git@github.com:sre/config.git")]
    [InlineData("git@github.com:sre/config")]
    [InlineData("ssh://git@github.com/sre/config")]
    [InlineData("ssh://git@github.com:22/sre/config.git")]
    [InlineData("git://github.com/sre/config.git")]
    [InlineData("https://ghes.example.com/sre/config.git")]
    [InlineData("git@ghes.example.com:sre/config.git")]
    [InlineData("ssh://git@ghes.example.com:2222/sre/config")]
    public void A_slug_or_any_remote_url_parses_to_the_owner_and_name(string remote)
    {
        // Arrange

        // Act
        var repository = GitHubRepository.Parse(remote);

        // Assert
        Assert.Equal(new GitHubRepository("sre", "config"), repository);
        Assert.Equal("sre/config", repository.ToString());
    }

    [Theory]
    [InlineData("my-org/app.v2_x", "my-org", "app.v2_x")]
    [InlineData("octo_acme/infra-config", "octo_acme", "infra-config")]
    [InlineData("https://github.com/Org/Repo.Name.git", "Org", "Repo.Name")]
    public void Owners_and_names_keep_their_dots_dashes_underscores_and_case(
        string remote,
        string owner,
        string name
    )
    {
        // Arrange

        // Act
        var repository = GitHubRepository.Parse(remote);

        // Assert
        Assert.Equal(owner, repository.Owner);
        Assert.Equal(name, repository.Name);
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("   ", "it is empty")]
    [InlineData("config", "names no repository")]
    [InlineData("https://github.com/sre", "names no repository")]
    [InlineData("https://github.com/sre/config/pull/12", "points inside a repository")]
    [InlineData("sre/config/extra", "points inside a repository")]
    [InlineData("/srv/git/config", "a local path")]
    [InlineData("../config", "a local path")]
    [InlineData("file:///srv/git/config", "a local repository")]
    [InlineData("https:///sre/config", "not a valid URL")]
    [InlineData("ftp://github.com/sre/config", "the scheme 'ftp'")]
    [InlineData("-sre/config", "'-sre' is not a GitHub owner")]
    [InlineData("sre/con fig", "neither a URL nor owner/name")]
    [InlineData("sre/..", "'..' is not a repository name")]
    [InlineData("sre/conf!g", "'conf!g' is not a repository name")]
    public void Anything_else_is_a_usage_error_saying_why_and_what_is_accepted(
        string remote,
        string why
    )
    {
        // Arrange

        // Act
        var error = Assert.Throws<UsageException>(() => GitHubRepository.Parse(remote));

        // Assert
        Assert.Contains(why, error.Message);
        Assert.Contains("Expected owner/name, https://github.com/owner/name(.git)", error.Message);
    }

    [Fact]
    public void A_bad_remote_with_credentials_is_not_echoed_with_them()
    {
        // Arrange
        const string remote = "https://x-access-token:ghs_secret123@github.com/sre";

        // Act
        var error = Assert.Throws<UsageException>(() => GitHubRepository.Parse(remote));

        // Assert
        Assert.DoesNotContain("ghs_secret123", error.Message);
        Assert.Contains("https://***@github.com/sre", error.Message);
    }
}
