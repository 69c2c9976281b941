using Pipelines.Failures;
using Pipelines.Helmfile.Rendering;

namespace Pipelines.Tests.Helmfile.Remote;

/// <summary>
/// A local chart whose <c>dependencies:</c> come from a declared repository: built with <c>helm dependency build</c>
/// before it renders, as helmfile does, unless <c>--skip-deps</c>, the release's <c>skipDeps</c> or
/// <c>helmDefaults.skipDeps</c> says not to.
/// </summary>
public sealed class ChartDependencyTests(ChartRepositoryFixture charts)
    : IClassFixture<ChartRepositoryFixture>,
        IDisposable
{
    private readonly HelmfileWorkspace _workspace = new HelmfileWorkspace().WithProjectConfig();

    public void Dispose() => _workspace.Dispose();

    private string State(string releaseExtra = "", string defaults = "", string? url = null)
    {
        url ??= charts.Open.Url;
        _workspace.Write(
            "charts/storefront/Chart.yaml",
            $"""
            apiVersion: v2
            name: storefront
            version: 0.1.0
            dependencies:
              - name: shop
                version: "~1.2.0"
                repository: {url}

            """
        );
        _workspace.Write(
            "charts/storefront/templates/service.yaml",
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: storefront\nspec:\n  ports:\n    - port: 80\n"
        );
        return $"""
            environments:
              test: {"{}"}
            ---
            repositories:
              - name: shop
                url: {url}
            {defaults}
            releases:
              - name: storefront
                namespace: shop
                chart: ../charts/storefront
            {releaseExtra}

            """;
    }

    [Fact]
    public async Task A_local_chart_whose_dependency_comes_from_a_repository_is_built_before_it_renders()
    {
        // Act
        var result = await StateRender.RenderAsync(_workspace, State());

        // Assert
        var yaml = StateRender.Yaml(result, "storefront");
        Assert.Contains("kind: Service", yaml);
        Assert.Contains("chartVersion: \"1.2.5\"", yaml);
        Assert.True(
            (_workspace.Root / "charts" / "storefront" / "charts" / "shop-1.2.5.tgz").FileExists
        );
    }

    [Fact]
    public async Task Dependencies_already_in_the_chart_are_not_fetched_again_on_the_next_render()
    {
        // Arrange
        var (_, server) = await charts.CopyAsync();
        await using var _ = server;
        await StateRender.RenderAsync(_workspace, State(url: server.Url));
        var afterFirst = server.Requests.Count;

        // Act
        var result = await StateRender.RenderAsync(_workspace, State(url: server.Url));

        // Assert
        Assert.Equal(1, server.ArchiveRequests);
        Assert.Equal(afterFirst, server.Requests.Count);
        Assert.Contains("chartVersion: \"1.2.5\"", StateRender.Yaml(result, "storefront"));
    }

    [Fact]
    public async Task Skip_deps_leaves_the_dependencies_unbuilt_and_helm_says_which_are_missing()
    {
        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            StateRender.RenderAsync(_workspace, State(), new TemplateFlags { SkipDeps = true })
        );

        // Assert
        Assert.Contains("release 'storefront'", error.Message);
        Assert.Contains("missing in charts/ directory: shop", error.Message);
    }

    [Theory]
    [InlineData("    skipDeps: true", "", false)]
    [InlineData("", "helmDefaults:\n  skipDeps: true", false)]
    [InlineData("    skipDeps: false", "helmDefaults:\n  skipDeps: true", true)]
    public async Task The_release_skipDeps_wins_over_helmDefaults_as_in_helmfile(
        string release,
        string defaults,
        bool built
    )
    {
        // Act
        var render = StateRender.RenderAsync(_workspace, State(release, defaults));

        // Assert
        if (built)
        {
            Assert.Contains("chartVersion", StateRender.Yaml(await render, "storefront"));
        }
        else
        {
            var error = await Assert.ThrowsAsync<SourceLocatedException>(() => render);
            Assert.Contains("missing in charts/ directory: shop", error.Message);
        }
    }
}
