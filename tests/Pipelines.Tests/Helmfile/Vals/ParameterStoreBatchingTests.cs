using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace Pipelines.Tests.Helmfile.Vals;

/// <summary>All refs of a document are fetched up front, each parameter and path once, within AWS's limits.</summary>
public class ParameterStoreBatchingTests : ParameterStoreFixture
{
    [Fact]
    public async Task Many_refs_are_fetched_with_GetParameters_ten_names_at_a_time()
    {
        // Arrange
        var names = Enumerable.Range(1, 25).Select(i => $"/svc/key{i:00}").ToList();
        names.ForEach(name => Server.Put(name, $"value-of{name}"));
        var data = names.ToDictionary(name => name, name => (object?)$"ref+awsssm:/{name}");

        // Act
        var resolved = await ResolveAsync(data);

        // Assert
        Assert.All(
            names,
            name =>
                Assert.Equal($"value-of{name}", ((Dictionary<string, object?>)resolved.Data!)[name])
        );
        Assert.All(Server.Requests, r => Assert.Equal("GetParameters", r.Operation));
        Assert.Equal([10, 10, 5], Server.Requests.Select(r => r.Names.Count));
        Assert.Equal(names, Server.Requests.SelectMany(r => r.Names).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_parameter_referenced_many_times_is_fetched_once()
    {
        // Arrange
        Server.Put("/team/token", "tok-123");
        var data = Yaml(
            """
            a: ref+awsssm://team/token
            b: secretref+awsssm://team/token
            c: [ref+awsssm://team/token, "Bearer ref+awsssm://team/token+"]
            """
        );

        // Act
        var resolved = await ResolveAsync(data);

        // Assert
        var result = (Dictionary<string, object?>)resolved.Data!;
        Assert.Equal("tok-123", result["b"]);
        Assert.Equal(["tok-123", "Bearer tok-123"], (List<object?>)result["c"]!);
        Assert.Equal(["/team/token"], Assert.Single(Server.Requests).Names);
    }

    [Fact]
    public async Task A_path_is_read_once_page_by_page_for_all_its_refs()
    {
        // Arrange
        Enumerable.Range(1, 23).ToList().ForEach(i => Server.Put($"/big/k{i:00}", $"v{i:00}"));

        // Act
        var resolved = await ResolveAsync(
            Yaml("first: ref+awsssm://big#/k01\nlast: ref+awsssm://big#/k23\n")
        );

        // Assert
        var result = (Dictionary<string, object?>)resolved.Data!;
        Assert.Equal(("v01", "v23"), (result["first"], result["last"]));
        Assert.Equal(3, Server.Requests.Count);
        Assert.All(Server.Requests, r => Assert.Equal(10, r.Body["MaxResults"]!.GetValue<int>()));
        Assert.Equal(
            [false, true, true],
            Server.Requests.Select(r => r.Body["NextToken"] is not null)
        );
    }

    [Fact]
    public async Task The_test_server_rejects_what_AWS_rejects_through_the_real_SDK()
    {
        // Arrange
        using var client = Server.CreateClient();
        var elevenNames = Enumerable.Range(1, 11).Select(i => $"/n{i}").ToList();
        // A variable: the SDK's analyzer rejects an out-of-range MaxResults literal at compile time.
        var pageSize = elevenNames.Count * 5;

        // Act
        var tooMany = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() =>
            client.GetParametersAsync(new GetParametersRequest { Names = elevenNames })
        );
        var bigPage = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() =>
            client.GetParametersByPathAsync(
                new GetParametersByPathRequest { Path = "/n", MaxResults = pageSize }
            )
        );
        var missing = await Assert.ThrowsAsync<ParameterNotFoundException>(() =>
            client.GetParameterAsync(new GetParameterRequest { Name = "/nowhere" })
        );

        // Assert
        Assert.Equal(
            ("ValidationException", "ValidationException"),
            (tooMany.ErrorCode, bigPage.ErrorCode)
        );
        Assert.Equal("ParameterNotFound", missing.ErrorCode);
    }
}
