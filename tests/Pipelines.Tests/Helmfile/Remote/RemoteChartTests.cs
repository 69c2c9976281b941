using Pipelines.Failures;

namespace Pipelines.Tests.Helmfile.Remote;

/// <summary>
/// Charts from HTTP repositories and an OCI registry, with real helm against <see cref="ChartRepositoryFixture"/>:
/// version constraints resolved as helm resolves them, errors that name the release and the repository, and pulls
/// that the second render does not repeat.
/// </summary>
public sealed class RemoteChartTests(ChartRepositoryFixture charts)
    : IClassFixture<ChartRepositoryFixture>,
        IDisposable
{
    private readonly HelmfileWorkspace _workspace = new HelmfileWorkspace().WithProjectConfig();

    public void Dispose() => _workspace.Dispose();

    private static string State(string repositories, string chart, string? version) =>
        $"""
            environments:
              test: {"{}"}
            ---
            repositories:
            {repositories}
            releases:
              - name: shop
                namespace: shop
                chart: {chart}
            {(version is null ? "" : $"    version: \"{version}\"")}

            """;

    private static string Http(string url, string name = "shop", string extra = "") =>
        $"  - name: {name}\n    url: {url}\n{extra}";

    [Theory]
    [InlineData("~1.2.0", "1.2.5")]
    [InlineData(">=1 <2", "1.3.0")]
    [InlineData("1.2.0", "1.2.0")]
    [InlineData(null, "2.0.0")]
    public async Task A_chart_from_an_http_repository_renders_the_highest_version_its_constraint_allows(
        string? constraint,
        string expected
    )
    {
        // Act
        var result = await StateRender.RenderAsync(
            _workspace,
            State(Http(charts.Open.Url), "shop/shop", constraint)
        );

        // Assert
        Assert.Contains($"chartVersion: \"{expected}\"", StateRender.Yaml(result, "shop"));
    }

    [Fact]
    public async Task A_chart_from_an_oci_registry_renders_the_highest_version_its_constraint_allows()
    {
        // Arrange
        var repository =
            $"  - name: registry\n    url: {charts.OciLocation}\n    oci: true\n    plainHttp: true\n";

        // Act
        var result = await StateRender.RenderAsync(
            _workspace,
            State(repository, "registry/shop", "~1.2.0")
        );

        // Assert
        Assert.Contains("chartVersion: \"1.2.5\"", StateRender.Yaml(result, "shop"));
    }

    [Fact]
    public async Task A_direct_oci_reference_uses_the_declared_registry_it_lives_in()
    {
        // Arrange
        var repository =
            $"  - name: registry\n    url: oci://{charts.OciLocation}\n    oci: true\n    plainHttp: true\n";

        // Act
        var result = await StateRender.RenderAsync(
            _workspace,
            State(repository, $"oci://{charts.OciLocation}/shop", "1.3.0")
        );

        // Assert
        Assert.Contains("chartVersion: \"1.3.0\"", StateRender.Yaml(result, "shop"));
    }

    [Fact]
    public async Task No_version_matching_the_constraint_is_an_error_listing_the_versions_there()
    {
        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            StateRender.RenderAsync(_workspace, State(Http(charts.Open.Url), "shop/shop", "~3.1.0"))
        );

        // Assert
        Assert.Contains($"{StateRender.StateFile}: release 'shop'", error.Message);
        Assert.Contains("no version of chart 'shop/shop' matches '~3.1.0'", error.Message);
        Assert.Contains("2.0.0, 1.3.0, 1.2.5, 1.2.0, 1.1.0", error.Message);
    }

    [Fact]
    public async Task An_unreachable_repository_is_an_error_naming_the_release_and_the_url()
    {
        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            StateRender.RenderAsync(
                _workspace,
                State(Http("http://127.0.0.1:9/charts"), "shop/shop", "~1.2.0")
            )
        );

        // Assert
        Assert.Contains("release 'shop': chart 'shop/shop'", error.Message);
        Assert.Contains(
            "repository 'shop' (http://127.0.0.1:9/charts) could not be added",
            error.Message
        );
        Assert.Contains("connection refused", error.Message);
    }

    [Fact]
    public async Task A_second_render_downloads_no_chart_again_and_an_exact_version_asks_nothing_at_all()
    {
        // Arrange
        var (_, server) = await charts.CopyAsync();
        await using var _ = server;
        await StateRender.RenderAsync(_workspace, State(Http(server.Url), "shop/shop", "~1.2.0"));
        await StateRender.RenderAsync(_workspace, State(Http(server.Url), "shop/shop", "1.3.0"));
        var afterFirst = server.Requests.Count;

        // Act
        var constrained = await StateRender.RenderAsync(
            _workspace,
            State(Http(server.Url), "shop/shop", "~1.2.0")
        );
        var afterConstrained = server.Requests.Count;
        var exact = await StateRender.RenderAsync(
            _workspace,
            State(Http(server.Url), "shop/shop", "1.3.0")
        );

        // Assert
        Assert.Equal(2, server.ArchiveRequests);
        Assert.Equal(
            ["/index.yaml"],
            server.Requests.Skip(afterFirst).Take(afterConstrained - afterFirst)
        );
        Assert.Equal(afterConstrained, server.Requests.Count);
        Assert.Contains("chartVersion: \"1.2.5\"", StateRender.Yaml(constrained, "shop"));
        Assert.Contains("chartVersion: \"1.3.0\"", StateRender.Yaml(exact, "shop"));
    }

    [Fact]
    public async Task A_version_published_after_a_render_is_picked_up_by_the_constraint_and_not_served_from_the_cache()
    {
        // Arrange
        var (directory, server) = await charts.CopyAsync();
        await using var _ = server;
        var state = State(Http(server.Url), "shop/shop", "~1.2.0");
        await StateRender.RenderAsync(_workspace, state);
        await charts.PublishAsync(directory, "1.2.9");

        // Act
        var result = await StateRender.RenderAsync(_workspace, state);

        // Assert
        Assert.Contains("chartVersion: \"1.2.9\"", StateRender.Yaml(result, "shop"));
        Assert.False(result.Clusters.Single().Releases.Single().FromCache);
    }
}
