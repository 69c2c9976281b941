using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Tests.Helmfile.Vals;

public class ParameterStoreErrorTests : ParameterStoreFixture
{
    [Fact]
    public async Task A_missing_parameter_fails_naming_the_ref_and_the_file_and_no_value()
    {
        // Arrange
        Server.Put("/team/present", "present-value");
        var data = Yaml("a: ref+awsssm://team/present\nb: ref+awsssm://team/typo\n");

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() => ResolveAsync(data));

        // Assert
        Assert.Equal(SourceFile, error.File);
        Assert.Contains(SourceFile, error.Message);
        Assert.Contains("ref+awsssm://team/typo", error.Message);
        Assert.Contains("does not exist", error.Message);
        Assert.Contains("region eu-west-1", error.Message);
        Assert.DoesNotContain("present", error.Message);
    }

    [Fact]
    public async Task Denied_access_fails_naming_the_ref_and_the_permissions_to_grant()
    {
        // Arrange
        Server.Put("/prod/db/password", "denied-value");
        Server.Deny("/prod/");

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            ResolveOneAsync("ref+awsssm://prod/db/password")
        );

        // Assert
        Assert.Contains(
            $"{SourceFile}: access denied reading ref+awsssm://prod/db/password",
            error.Message
        );
        Assert.Contains("not authorized to perform: ssm:GetParameters", error.Message);
        Assert.Contains("kms:Decrypt", error.Message);
        Assert.DoesNotContain("denied-value", error.Message);
    }

    [Fact]
    public async Task A_fragment_naming_no_parameter_lists_the_ones_there()
    {
        // Arrange
        Server.Put("/team/app/password", "pw-value");
        Server.Put("/team/app/user", "user-value");

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            ResolveOneAsync("ref+awsssm://team/app#/pasword")
        );

        // Assert
        Assert.Contains("there is no 'pasword' in the parameters under /team/app", error.Message);
        Assert.Contains("Keys there: password, user.", error.Message);
        Assert.DoesNotContain("pw-value", error.Message);
    }

    [Fact]
    public async Task A_fragment_past_a_parameter_suggests_mode_singleparam_as_vals_documents()
    {
        // Arrange
        Server.Put("/foo/bar", """{"BAR": "VALUE"}""");

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            ResolveOneAsync("ref+awsssm://foo#/bar/BAR")
        );

        // Assert
        Assert.Contains("use ref+awsssm://foo/bar?mode=singleparam#/BAR", error.Message);
        Assert.DoesNotContain("VALUE", error.Message);
    }

    [Theory]
    [InlineData("ref+awsssm://team/app/", "ref+awsssm://team/app#/KEY")]
    [InlineData("ref+awsssm://team/app?profile=prod", "Valid: region, mode, recursive")]
    [InlineData("ref+awsssm://team/app?mode=yaml#/a", "unknown mode 'yaml'. Valid: singleparam")]
    [InlineData("ref+awsssm://team/app?recursive=yes#/a", "recursive must be true or false")]
    public async Task A_malformed_ref_fails_before_any_call_saying_what_is_valid(
        string reference,
        string hint
    )
    {
        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            ResolveOneAsync(reference)
        );

        // Assert
        Assert.Contains(hint, error.Message);
        Assert.StartsWith($"{SourceFile}: ", error.Message);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task A_ref_inside_a_longer_string_cannot_select_a_map()
    {
        // Arrange
        Server.Put("/team/app/db/host", "db.internal");

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            ResolveOneAsync("host=ref+awsssm://team/app?recursive=true#/db+")
        );

        // Assert
        Assert.Contains("at value selects a mapping", error.Message);
        Assert.DoesNotContain("db.internal", error.Message);
    }

    [Fact]
    public async Task A_value_that_is_not_yaml_fails_mode_singleparam_without_quoting_it()
    {
        // Arrange
        Server.Put("/team/doc", "key: [unclosed-secret-text");

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            ResolveOneAsync("ref+awsssm://team/doc?mode=singleparam#/key")
        );

        // Assert
        Assert.Contains("is not valid YAML or JSON", error.Message);
        Assert.DoesNotContain("unclosed-secret-text", error.Message);
    }

    [Fact]
    public async Task Resolved_values_and_every_leaf_of_a_path_map_are_masked_in_the_log()
    {
        // Arrange
        var output = new StringWriter();
        Log.Host = ConsoleHost.Create(
            output,
            new StringWriter(),
            new SecretRegistry(),
            _ => null,
            false
        );
        Server.Put("/team/api-token", "tok-9f8e7d");
        Server.Put("/team/app/db/host", "db-7c6b5a.internal");
        Server.Put("/team/app/db/password", "pw-4d3c2b");

        // Act
        var resolved = await ResolveAsync(
            Yaml(
                "token: ref+awsssm://team/api-token\ndb: ref+awsssm://team?recursive=true#/app/db\n"
            )
        );
        Log.Info("token=tok-9f8e7d host=db-7c6b5a.internal password=pw-4d3c2b");

        // Assert
        Assert.Equal("token=*** host=*** password=***", output.ToString().TrimEnd());
        Assert.Equal(["token", "db"], resolved.SecretValues);
    }
}
