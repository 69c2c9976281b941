using Pipelines.Helmfile.Vals;

namespace Pipelines.Tests.Helmfile.Vals;

public class ParameterStoreResolverTests : ParameterStoreFixture
{
    [Fact]
    public async Task A_ref_is_replaced_by_the_decrypted_value_of_the_parameter()
    {
        // Arrange
        Server.Put("/team/db/password", "s3cr3t-pw");

        // Act
        var value = await ResolveOneAsync("ref+awsssm://team/db/password");

        // Assert
        Assert.Equal("s3cr3t-pw", value);
        var request = Assert.Single(Server.Requests);
        Assert.Equal("GetParameters", request.Operation);
        Assert.Equal(["/team/db/password"], request.Names);
        Assert.True(request.Body["WithDecryption"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"user": "app", "password": "json-pw", "port": 5432}""")]
    [InlineData("user: app\npassword: json-pw\nport: 5432\n")]
    public async Task Mode_singleparam_with_a_fragment_selects_a_key_of_a_json_or_yaml_value(
        string document
    )
    {
        // Arrange
        Server.Put("/team/db", document);

        // Act
        var password = await ResolveOneAsync("ref+awsssm://team/db?mode=singleparam#/password");
        var port = await ResolveOneAsync("ref+awsssm://team/db?mode=singleparam#/port");

        // Assert
        Assert.Equal("json-pw", password);
        Assert.Equal(5432L, port);
    }

    [Fact]
    public async Task A_fragment_without_mode_selects_from_the_parameters_under_the_path()
    {
        // Arrange
        Server.Put("/team/app/password", "path-pw");
        Server.Put("/team/app/user", "app");
        Server.Put("/team/app/db/host", "deeper, not read");

        // Act
        var value = await ResolveOneAsync("ref+awsssm://team/app#/password");

        // Assert
        Assert.Equal("path-pw", value);
        var request = Assert.Single(Server.Requests);
        Assert.Equal("GetParametersByPath", request.Operation);
        Assert.Equal("/team/app", (string?)request.Body["Path"]);
        Assert.False(request.Body["Recursive"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_recursive_fragment_selects_the_parameters_below_it_as_a_map()
    {
        // Arrange
        Server.Put("/team/app/db/host", "db.internal");
        Server.Put("/team/app/db/password", "map-pw");
        Server.Put("/team/app/name", "shop", "String");
        Server.Put("/team/other/name", "not selected", "String");

        // Act
        var value = await ResolveOneAsync("ref+awsssm://team?recursive=true#/app");

        // Assert
        var app = Assert.IsType<Dictionary<string, object?>>(value);
        Assert.Equal("shop", app["name"]);
        var db = Assert.IsType<Dictionary<string, object?>>(app["db"]);
        Assert.Equal("db.internal", db["host"]);
        Assert.Equal("map-pw", db["password"]);
        Assert.True(Assert.Single(Server.Requests).Body["Recursive"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Refs_in_maps_inside_lists_are_resolved_and_the_original_data_is_not_changed()
    {
        // Arrange
        Server.Put("/team/a", "value-a");
        Server.Put("/team/b", "value-b");
        var data = Yaml(
            """
            releases:
              - name: api
                env: {A: ref+awsssm://team/a, plain: text}
              - name: worker
                env: {B: ref+awsssm://team/b, port: 8080}
            """
        );
        var before = YamlDataText(data);

        // Act
        var resolved = await ResolveAsync(data);

        // Assert
        Assert.Equal(before, YamlDataText(data));
        var releases = (List<object?>)((Dictionary<string, object?>)resolved.Data!)["releases"]!;
        var api = (Dictionary<string, object?>)((Dictionary<string, object?>)releases[0]!)["env"]!;
        var worker =
            (Dictionary<string, object?>)((Dictionary<string, object?>)releases[1]!)["env"]!;
        Assert.Equal(("value-a", "text"), (api["A"], api["plain"]));
        Assert.Equal(("value-b", 8080L), (worker["B"], worker["port"]));
        Assert.Equal(["releases[0].env.A", "releases[1].env.B"], resolved.SecretValues);
    }

    [Fact]
    public async Task Strings_without_awsssm_refs_are_left_as_they_are_without_any_call()
    {
        // Arrange
        var data = Yaml(
            """
            url: https://ref.example.com/awsssm
            vault: ref+vault://secret/data/foo#/key
            note: "ref+awsssm is described in the vals docs"
            count: 3
            """
        );

        // Act
        var resolved = await ResolveAsync(data);

        // Assert
        Assert.Equal(YamlDataText(data), YamlDataText(resolved.Data));
        Assert.NotSame(data, resolved.Data);
        Assert.False(ParameterStoreResolver.ContainsReferences(data));
        Assert.Empty(Server.Requests);
        Assert.Empty(resolved.SecretValues);
    }

    [Fact]
    public async Task Refs_inside_a_longer_string_end_at_a_plus_and_are_replaced_as_text()
    {
        // Arrange
        Server.Put("/db/user", "app");
        Server.Put("/db/password", "p4ss");
        Server.Put("/db/conf", """{"port": 5432}""");

        // Act
        var value = await ResolveOneAsync(
            "postgres://ref+awsssm://db/user+:ref+awsssm://db/password+@db:ref+awsssm://db/conf?mode=singleparam#/port+/shop"
        );

        // Assert
        Assert.Equal("postgres://app:p4ss@db:5432/shop", value);
    }

    [Fact]
    public async Task A_ref_with_a_region_is_read_with_a_client_signing_for_that_region()
    {
        // Arrange
        Server.Put("/team/key", "regional");

        // Act
        var resolved = await ResolveAsync(
            Yaml(
                "a: ref+awsssm://team/key?region=us-west-2\nb: ref+awsssm://team/key?region=eu-west-1\n"
            )
        );

        // Assert
        Assert.Equal("regional", ((Dictionary<string, object?>)resolved.Data!)["a"]);
        Assert.Equal(["eu-west-1", "us-west-2"], Server.Requests.Select(r => r.Region).Order());
    }

    [Fact]
    public void ContainsReferences_finds_a_ref_anywhere_in_the_data()
    {
        // Arrange
        var nested = Yaml("a: [1, {b: [x, 'postgres://ref+awsssm://db/url+']}]");

        // Act
        var found = ParameterStoreResolver.ContainsReferences(nested);

        // Assert
        Assert.True(found);
        Assert.True(ParameterStoreResolver.ContainsReferences("ref+awsssm://x/y"));
        Assert.False(
            ParameterStoreResolver.ContainsReferences(Yaml("a: [1, true, null, ref+s3://b/k]"))
        );
    }

    [Fact]
    public void Clients_for_a_vpc_endpoint_sign_for_the_given_region()
    {
        // Act
        using var client = ParameterStoreClients.Create("eu-central-1", Server.Url);

        // Assert
        Assert.StartsWith(Server.Url, client.Config.ServiceURL, StringComparison.Ordinal);
        Assert.Equal("eu-central-1", client.Config.AuthenticationRegion);
    }

    private static string YamlDataText(object? data) => Pipelines.Yaml.Data.YamlData.ToYaml(data);
}
