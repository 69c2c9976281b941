using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Selection;
using Pipelines.Helmfile.State;

namespace Pipelines.Tests.Helmfile;

public class SelectionTests
{
    private static ReleaseSpec Release(
        string name,
        string? ns = null,
        string[]? needs = null,
        params (string, string)[] labels
    ) =>
        new()
        {
            Name = name,
            Namespace = ns,
            Chart = "./chart",
            DeclaredIn = "helmfile/helmfile.yaml",
            Needs = needs?.ToList() ?? [],
            Labels = labels.ToDictionary(l => l.Item1, l => l.Item2),
        };

    [Fact]
    public void Terms_of_one_selector_must_all_hold_and_any_of_several_selectors_may_match()
    {
        // Arrange
        var web = Release("web", "apps", null, ("tier", "app"), ("team", "shop"));
        var agent = Release("agent", "monitoring", null, ("tier", "management"));
        var both = new[]
        {
            ReleaseSelector.Parse("tier=app,team=shop"),
            ReleaseSelector.Parse("name=agent"),
        };

        // Act
        var andSelector = ReleaseSelector.Parse("tier=app,team!=shop");

        // Assert
        Assert.False(andSelector.Matches(web));
        Assert.True(ReleaseSelector.AnyMatches(both, web));
        Assert.True(ReleaseSelector.AnyMatches(both, agent));
        Assert.True(ReleaseSelector.Parse("namespace=monitoring").Matches(agent));
        Assert.True(ReleaseSelector.Parse("tier!=app").Matches(agent));
    }

    [Fact]
    public void A_selector_term_without_an_operator_is_a_usage_error()
    {
        // Act
        var error = Assert.Throws<UsageException>(() => ReleaseSelector.Parse("tier"));

        // Assert
        Assert.Contains("is not key=value or key!=value", error.Message);
    }

    [Fact]
    public void Releases_come_after_what_they_need_and_include_needs_adds_the_needed_ones()
    {
        // Arrange
        var db = Release("db", "data");
        var api = Release("api", "apps", ["data/db"]);
        var web = Release("web", "apps", ["api"]);
        var all = new[] { web, api, db };

        // Act
        var alone = NeedsGraph.Order(all, [web], NeedsGraph.Include.None);
        var direct = NeedsGraph.Order(all, [web], NeedsGraph.Include.Direct);
        var transitive = NeedsGraph.Order(all, [web], NeedsGraph.Include.Transitive);
        var everything = NeedsGraph.Order(all, all, NeedsGraph.Include.None);

        // Assert
        Assert.Equal(["web"], alone.Select(r => r.Name));
        Assert.Equal(["api", "web"], direct.Select(r => r.Name));
        Assert.Equal(["db", "api", "web"], transitive.Select(r => r.Name));
        Assert.Equal(["db", "api", "web"], everything.Select(r => r.Name));
    }

    [Fact]
    public void Cyclic_needs_are_an_error_that_prints_the_cycle()
    {
        // Arrange
        var a = Release("a", "ns", ["ns/b"]);
        var b = Release("b", "ns", ["ns/a"]);

        // Act
        var error = Assert.Throws<UsageException>(() =>
            NeedsGraph.Order([a, b], [a, b], NeedsGraph.Include.None)
        );

        // Assert
        Assert.Contains("ns/a -> ns/b -> ns/a", error.Message);
    }

    [Fact]
    public void A_need_naming_no_release_is_an_error_listing_the_releases()
    {
        // Arrange
        var web = Release("web", "apps", ["apps/nothing"]);

        // Act
        var error = Assert.Throws<UsageException>(() =>
            NeedsGraph.Order([web], [web], NeedsGraph.Include.None)
        );

        // Assert
        Assert.Contains("needs 'apps/nothing'", error.Message);
        Assert.Contains("Releases: apps/web", error.Message);
    }
}
