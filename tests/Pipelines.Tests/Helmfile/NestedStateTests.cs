using Pipelines.Failures;
using Pipelines.Helmfile.Selection;
using Pipelines.Helmfile.State;

namespace Pipelines.Tests.Helmfile;

/// <summary>helmfiles: nested states, loaded as helmfile's visitStates loads them.</summary>
public sealed class NestedStateTests : IDisposable
{
    private readonly HelmfileWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private IReadOnlyList<LoadedState> Load(
        string environment = "test",
        params string[] selectors
    ) =>
        new StateTree(_workspace.Root, HelmfileWorkspace.Templates()).Load(
            _workspace.Root / "helmfile" / "helmfile.yaml",
            environment,
            selectors.Select(ReleaseSelector.Parse).ToList(),
            StateValueOverrides.None
        );

    private static string Releases(IReadOnlyList<LoadedState> states) =>
        string.Join(", ", states.SelectMany(s => s.State.State.Releases.Select(r => r.Name)));

    [Fact]
    public void Nested_states_use_their_own_environments_with_the_values_their_entry_passes_down()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml",
            """
            environments:
              test: {}
            helmfiles:
              - path: apps/web.yaml
                values:
                  - passed.yaml
                  - inline: true
                    replicas: 4
            releases:
              - name: top
                chart: ./chart
            """
        );
        _workspace.Write("helmfile/passed.yaml", "fromParentFile: yes-file\n");
        _workspace.Write(
            "helmfile/apps/web.yaml",
            """
            environments:
              test:
                values:
                  - own.yaml
            releases:
              - name: web
                chart: ../chart
            """
        );
        _workspace.Write("helmfile/apps/own.yaml", "replicas: 1\nown: true\n");

        // Act
        var states = Load();

        // Assert
        Assert.Equal("web, top", Releases(states));
        var web = states[0].State;
        Assert.Equal("helmfile/apps/web.yaml", web.StateFile);
        Assert.Equal(4L, web.Values["replicas"]);
        Assert.Equal(true, web.Values["own"]);
        Assert.Equal("yes-file", web.Values["fromParentFile"]);
        Assert.Equal(true, web.Values["inline"]);
    }

    [Fact]
    public void Globs_expand_relative_to_each_declaring_file_in_sorted_order()
    {
        // Arrange
        _workspace.Write("helmfile/helmfile.yaml", "helmfiles:\n  - apps/*.yaml\n  - more\n");
        _workspace.Write("helmfile/apps/b.yaml", "releases:\n  - {name: b, chart: ./c}\n");
        _workspace.Write(
            "helmfile/apps/a.yaml",
            "helmfiles:\n  - ../deeper/z.yaml\nreleases:\n  - {name: a, chart: ./c}\n"
        );
        _workspace.Write("helmfile/deeper/z.yaml", "releases:\n  - {name: z, chart: ./c}\n");
        _workspace.Write("helmfile/more/2.yaml.gotmpl", "releases:\n  - {name: two, chart: ./c}\n");
        _workspace.Write("helmfile/more/1.yaml", "releases:\n  - {name: one, chart: ./c}\n");
        _workspace.Write("helmfile/more/notes.txt", "not a state\n");

        // Act
        var states = Load("default");

        // Assert
        Assert.Equal("z, a, b, one, two", Releases(states));
    }

    [Fact]
    public void Entry_selectors_replace_the_parent_s_selectorsInherited_passes_them_down_and_none_inherits()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml",
            """
            helmfiles:
              - path: own.yaml
                selectors: [tier=db]
              - path: inherited.yaml
                selectorsInherited: true
              - path: plain.yaml
              - path: all.yaml
                selectors: []
            """
        );
        foreach (var name in new[] { "own", "inherited", "plain", "all" })
        {
            _workspace.Write(
                $"helmfile/{name}.yaml",
                $"releases:\n  - {{name: {name}, chart: ./c}}\n"
            );
        }

        // Act
        var states = Load("default", "tier=app");

        // Assert
        Assert.Equal(
            ["tier=db", "tier=app", "tier=app", "", "tier=app"],
            states.Select(s => string.Join(" ", s.Selectors))
        );
    }

    [Fact]
    public void A_nested_state_that_does_not_declare_the_environment_is_skipped_as_helmfile_skips_it()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml",
            "environments:\n  test: {}\nhelmfiles:\n  - prod-only.yaml\n  - envless.yaml\n"
        );
        _workspace.Write(
            "helmfile/prod-only.yaml",
            "environments:\n  prod: {}\n---\nreleases:\n  - {name: p, chart: ./c}\n"
        );
        _workspace.Write("helmfile/envless.yaml", "releases:\n  - {name: e, chart: ./c}\n");

        // Act
        var states = Load();

        // Assert
        Assert.Equal("", Releases(states));
        Assert.Single(states);
    }

    [Fact]
    public void An_error_in_a_nested_state_names_the_file_that_included_it()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml",
            "environments:\n  default: {}\nhelmfiles:\n  - path: apps/broken.yaml\n"
        );
        _workspace.Write(
            "helmfile/apps/broken.yaml",
            "releases:\n  - name: a\n    chart: ./c\n    bogus: 1\n"
        );

        // Act
        var error = Assert.Throws<SourceLocatedException>(() => Load("default"));

        // Assert
        Assert.Equal("helmfile/apps/broken.yaml", error.File);
        Assert.Equal(4, error.Line);
        Assert.Contains("field 'bogus' is not supported", error.Message);
        Assert.EndsWith(
            "(in helmfile/apps/broken.yaml, included by helmfile/helmfile.yaml:4:5)",
            error.Message
        );
    }

    [Fact]
    public void A_path_matching_nothing_is_skipped_unless_missingFileHandler_is_Error()
    {
        // Arrange
        _workspace.Write("helmfile/helmfile.yaml", "helmfiles:\n  - path: gone/*.yaml\n");
        var skipped = Load("default");
        _workspace.Write(
            "helmfile/helmfile.yaml",
            "missingFileHandler: Error\nhelmfiles:\n  - path: gone/*.yaml\n"
        );

        // Act
        var error = Assert.Throws<SourceLocatedException>(() => Load("default"));

        // Assert
        Assert.Single(skipped);
        Assert.StartsWith(
            "helmfile/helmfile.yaml:3:5: helmfiles path 'gone/*.yaml' matches no file (looked in helmfile/)",
            error.Message
        );
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Selectors_together_with_selectorsInherited_are_refused_as_helmfile_refuses_them()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml",
            "helmfiles:\n  - path: a.yaml\n    selectors: [tier=app]\n    selectorsInherited: true\n"
        );

        // Act
        var error = Assert.Throws<SourceLocatedException>(() => Load("default"));

        // Assert
        Assert.Equal(4, error.Line);
        Assert.Contains(
            "selectorsInherited: true cannot be used with explicit selectors",
            error.Message
        );
    }

    [Fact]
    public void A_state_that_includes_itself_is_refused_naming_the_cycle()
    {
        // Arrange
        _workspace.Write("helmfile/helmfile.yaml", "helmfiles:\n  - path: a.yaml\n");
        _workspace.Write("helmfile/a.yaml", "helmfiles:\n  - path: helmfile.yaml\n");

        // Act
        var error = Assert.Throws<SourceLocatedException>(() => Load("default"));

        // Assert
        Assert.Equal("helmfile/a.yaml", error.File);
        Assert.Contains(
            "helmfile/helmfile.yaml -> helmfile/a.yaml -> helmfile/helmfile.yaml",
            error.Message
        );
    }

    [Fact]
    public void A_remote_nested_state_is_refused_saying_to_vendor_it()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml",
            "helmfiles:\n  - path: git::https://github.com/example/states.git@apps/helmfile.yaml?ref=v1\n"
        );

        // Act
        var error = Assert.Throws<SourceLocatedException>(() => Load("default"));

        // Assert
        Assert.Equal(2, error.Line);
        Assert.Contains("is a remote state (a go-getter URL)", error.Message);
        Assert.Contains("Vendor the state file into the repository", error.Message);
    }

    [Fact]
    public void A_malformed_entry_selector_is_an_error_at_the_entry()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml",
            "helmfiles:\n  - path: a.yaml\n    selectors: [tier]\n"
        );
        _workspace.Write("helmfile/a.yaml", "releases:\n  - {name: a, chart: ./c}\n");

        // Act
        var error = Assert.Throws<SourceLocatedException>(() => Load("default"));

        // Assert
        Assert.Equal(2, error.Line);
        Assert.StartsWith(
            "helmfile/helmfile.yaml:2:5: helmfiles selectors: Selector term 'tier'",
            error.Message
        );
    }
}
