using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.GitHubActions.Api;

namespace Pipelines.Tests.GitHub;

public sealed class GitHubApiClientTests
{
    private static Func<string, string?> Env(string? apiUrl) =>
        name => name == GitHubApi.ApiUrlVariable ? apiUrl : null;

    [Theory]
    [InlineData(null, "https://api.github.com/")]
    [InlineData("", "https://api.github.com/")]
    [InlineData("https://api.github.com", "https://api.github.com/")]
    [InlineData("https://ghes.example.com/api/v3", "https://ghes.example.com/api/v3/")]
    [InlineData("https://api.octo.ghe.com", "https://api.octo.ghe.com/")]
    public void The_api_url_comes_from_GITHUB_API_URL_taken_as_it_is(
        string? variable,
        string expected
    )
    {
        // Arrange

        // Act
        var client = GitHubApi.CreateClient("ghs_x", null, Env(variable));

        // Assert
        Assert.Equal(expected, client.Connection.BaseAddress.ToString());
    }

    [Fact]
    public void An_explicit_api_url_wins_over_GITHUB_API_URL()
    {
        // Arrange

        // Act
        var client = GitHubApi.CreateClient(
            "ghs_x",
            new Uri("http://127.0.0.1:8080/api/v3"),
            Env("https://api.github.com")
        );

        // Assert
        Assert.Equal("http://127.0.0.1:8080/api/v3/", client.Connection.BaseAddress.ToString());
    }

    [Theory]
    [InlineData("api.github.com")]
    [InlineData("ftp://ghes.example.com/api/v3")]
    public void A_GITHUB_API_URL_that_is_not_an_http_url_is_a_usage_error_naming_the_variable(
        string variable
    )
    {
        // Arrange

        // Act
        var error = Assert.Throws<UsageException>(() =>
            GitHubApi.CreateClient("ghs_x", null, Env(variable))
        );

        // Assert
        Assert.Contains(
            $"GITHUB_API_URL '{variable}' is not an absolute http(s) URL",
            error.Message
        );
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_token_is_a_usage_error_saying_where_to_get_one(string token)
    {
        // Arrange

        // Act
        var error = Assert.Throws<UsageException>(() =>
            GitHubApi.CreateClient(token, new Uri("https://api.github.com"))
        );

        // Assert
        Assert.Contains("A GitHub token is required", error.Message);
        Assert.Contains("secrets.GITHUB_TOKEN", error.Message);
    }
}
