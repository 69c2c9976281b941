using Pipelines.ConfigRepo;
using Pipelines.GitHubActions.Api;

namespace Pipelines.Tests.ConfigRepo;

public sealed class ConfigRepoDefaultTests
{
    [Fact]
    public void Locally_this_repository_is_the_checkout()
    {
        // Act
        var repository = ConfigRepoDefault.For("/work/repo", _ => null);

        // Assert
        Assert.Equal("/work/repo", repository);
    }

    [Fact]
    public void On_github_actions_this_repository_is_the_one_on_github_not_the_runners_copy()
    {
        // Arrange
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_REPOSITORY"] = "sre/k8s-config",
        };

        // Act
        var repository = ConfigRepoDefault.For(
            "/home/runner/work/k8s-config",
            n => environment.GetValueOrDefault(n)
        );

        // Assert
        Assert.Equal("https://github.com/sre/k8s-config.git", repository);
        Assert.Equal(new GitHubRepository("sre", "k8s-config"), GitHubRepository.Parse(repository));
    }
}
