using Pipelines.Engine;
using Pipelines.Images;
using Pipelines.Tests.Helmfile.Remote;
using Pipelines.TestServers;
using Pipelines.TestServers.Registry;

namespace Pipelines.Tests.Images;

/// <summary>
/// PushImage reads tags over the registry's HTTP API: from a real docker-registry (plain, and behind htpasswd basic
/// auth over the same storage) and through a docker-token-spec front (Bearer challenges, as GHCR and Docker Hub).
/// </summary>
public class RegistryClientTests(RegistryFixture registry) : IClassFixture<RegistryFixture>
{
    private const string User = "ci-bot";
    private const string Password = "pw-R3gistry-0nly-here";

    [Fact]
    public async Task A_tag_is_read_with_the_digest_the_registry_reports_and_a_missing_one_is_null()
    {
        // Arrange
        using var client = new RegistryClient(RegistryTarget.Parse(registry.Host), null);

        // Act
        var found = await client.FindAsync("base", "busybox", default);
        var missingTag = await client.FindAsync("base", "no-such-tag", default);
        var missingRepository = await client.FindAsync("no-such-app", "1", default);

        // Assert
        Assert.NotNull(found);
        Assert.Equal(await registry.DigestOfAsync("base", "busybox"), found.Digest);
        Assert.StartsWith("sha256:", found.ConfigDigest, StringComparison.Ordinal);
        Assert.Null(missingTag);
        Assert.Null(missingRepository);
    }

    [Fact]
    public async Task A_registry_behind_basic_auth_is_read_with_the_logins_credentials()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        await using var secured = await StartBasicAuthAsync(folder);
        using var login = new RegistryLogin(Path.Combine(folder.Path, "login"), User, Password);
        using var client = new RegistryClient(RegistryTarget.Parse(secured.Host), login);

        // Act
        var found = await client.FindAsync("base", "busybox", default);

        // Assert
        Assert.Equal(await registry.DigestOfAsync("base", "busybox"), found?.Digest);
    }

    [Fact]
    public async Task A_wrong_password_is_an_error_naming_the_registry_and_the_user_never_the_password()
    {
        // Arrange
        using var folder = new TemporaryFolder();
        await using var secured = await StartBasicAuthAsync(folder);
        const string wrong = "not-the-Pa55word";
        using var login = new RegistryLogin(Path.Combine(folder.Path, "login"), User, wrong);
        using var client = new RegistryClient(RegistryTarget.Parse(secured.Host), login);

        // Act
        var error = await Assert.ThrowsAsync<RegistryAccessException>(() =>
            client.FindAsync("base", "busybox", default)
        );

        // Assert
        Assert.Contains($"Registry {secured.Host} refused to let {User} read base", error.Message);
        Assert.Contains("401", error.Message);
        Assert.DoesNotContain(wrong, error.Message);
    }

    [Fact]
    public async Task A_bearer_challenge_is_answered_with_one_token_from_its_realm_for_every_tag()
    {
        // Arrange
        await using var front = new TokenAuthRegistry(registry.Host, User, Password);
        using var folder = new TemporaryFolder();
        using var login = new RegistryLogin(Path.Combine(folder.Path, "login"), User, Password);
        using var client = new RegistryClient(RegistryTarget.Parse(front.Host), login);

        // Act
        var found = await client.FindAsync("base", "busybox", default);
        var missing = await client.FindAsync("base", "no-such-tag", default);

        // Assert
        Assert.Equal(await registry.DigestOfAsync("base", "busybox"), found?.Digest);
        Assert.Null(missing);
        var tokenRequests = front.Requests.Where(r => r.Path == "/token").ToList();
        var token = Assert.Single(tokenRequests);
        Assert.StartsWith("Basic ", token.Authorization, StringComparison.Ordinal);
        Assert.All(
            front.Requests.Where(r => r.Path.StartsWith("/v2/", StringComparison.Ordinal)).Skip(1),
            r => Assert.StartsWith("Bearer ", r.Authorization, StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task A_public_repository_behind_bearer_auth_is_read_with_an_anonymous_token()
    {
        // Arrange
        await using var front = new TokenAuthRegistry(registry.Host, null, null);
        using var client = new RegistryClient(RegistryTarget.Parse(front.Host), null);

        // Act
        var found = await client.FindAsync("base", "busybox", default);

        // Assert
        Assert.Equal(await registry.DigestOfAsync("base", "busybox"), found?.Digest);
        Assert.Null(front.Requests.Single(r => r.Path == "/token").Authorization);
    }

    [Fact]
    public async Task A_token_service_that_refuses_the_credentials_is_an_error_naming_it_and_the_user()
    {
        // Arrange
        await using var front = new TokenAuthRegistry(registry.Host, User, Password);
        using var folder = new TemporaryFolder();
        const string wrong = "wrong-T0ken-pw";
        using var login = new RegistryLogin(Path.Combine(folder.Path, "login"), User, wrong);
        using var client = new RegistryClient(RegistryTarget.Parse(front.Host), login);

        // Act
        var error = await Assert.ThrowsAsync<RegistryAccessException>(() =>
            client.FindAsync("base", "busybox", default)
        );

        // Assert
        Assert.Contains(
            $"the token service http://{front.Host}/token refused {User} (401",
            error.Message
        );
        Assert.DoesNotContain(wrong, error.Message);
    }

    /// <summary>A second real docker-registry over the fixture's storage, behind htpasswd basic auth.</summary>
    private Task<AuthenticatedRegistry> StartBasicAuthAsync(TemporaryFolder folder) =>
        AuthenticatedRegistry.StartAsync(
            Path.Combine(folder.Path, "auth"),
            registry.Storage,
            User,
            Password
        );
}
