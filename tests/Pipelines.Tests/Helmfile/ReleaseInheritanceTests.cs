using Pipelines.Failures;
using Pipelines.Helmfile.State;

namespace Pipelines.Tests.Helmfile;

/// <summary>Release templates (templates: + inherit:) and YAML merge keys in state files, as helmfile reads them.</summary>
public sealed class ReleaseInheritanceTests : IDisposable
{
    private readonly HelmfileWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private DeclaredState Load(string state)
    {
        _workspace.Write("helmfile/helmfile.yaml", state);
        return new StateLoader(_workspace.Root, HelmfileWorkspace.Templates()).Load(
            _workspace.Root / "helmfile" / "helmfile.yaml",
            "default"
        );
    }

    [Fact]
    public void A_release_takes_its_templates_fields_template_values_first_and_labels_united()
    {
        // Act
        var state = Load(
            """
            templates:
              default:
                chart: ./charts/{{`{{ .Release.Name }}`}}
                namespace: apps
                labels: {tier: app, team: sre}
                values: [common.yaml]
                needs: [infra/db]
            releases:
              - name: web
                inherit:
                  - template: default
                labels: {app: web}
                values: [web.yaml]
            """
        );

        // Assert
        var web = Assert.Single(state.State.Releases);
        Assert.Equal("./charts/{{`{{ .Release.Name }}`}}", web.Chart);
        Assert.Equal("apps", web.Namespace);
        Assert.Equal(
            ["common.yaml", "web.yaml"],
            web.Values.OfType<ValuesFile>().Select(v => v.Path)
        );
        Assert.Equal(["infra/db"], web.Needs);
        Assert.Equal("sre", web.Labels["team"]);
        Assert.Equal("web", web.Labels["app"]);
    }

    [Fact]
    public void Except_leaves_out_the_named_fields_and_templates_inherit_templates_in_order()
    {
        // Act
        var state = Load(
            """
            templates:
              base:
                chart: ./charts/app
                values: [base.yaml]
                set: [{name: a, value: 1}]
              web:
                inherit: [{template: base}]
                values: [web.yaml]
            releases:
              - name: site
                inherit:
                  - template: web
                    except: [set]
                values: [site.yaml]
            """
        );

        // Assert
        var site = Assert.Single(state.State.Releases);
        Assert.Equal("./charts/app", site.Chart);
        Assert.Equal(
            ["base.yaml", "web.yaml", "site.yaml"],
            site.Values.OfType<ValuesFile>().Select(v => v.Path)
        );
        Assert.Empty(site.Set);
    }

    [Fact]
    public void A_template_setting_a_field_the_release_sets_too_wins_as_in_helmfile()
    {
        // Act
        var state = Load(
            """
            templates:
              default: {chart: ./charts/app, namespace: from-template}
            releases:
              - {name: web, namespace: own, inherit: [{template: default}]}
            """
        );

        // Assert
        Assert.Equal("from-template", Assert.Single(state.State.Releases).Namespace);
    }

    [Fact]
    public void An_undefined_template_is_an_error_with_a_suggestion_and_its_position()
    {
        // Act
        var error = Assert.Throws<SourceLocatedException>(() =>
            Load(
                """
                templates:
                  default: {chart: ./charts/app}
                releases:
                  - name: web
                    inherit:
                      - template: defualt
                """
            )
        );

        // Assert
        Assert.Equal(6, error.Line);
        Assert.Contains(
            "release 'web' inherits template 'defualt', which is not defined. Did you mean 'default'?",
            error.Message
        );
    }

    [Fact]
    public void Templates_inheriting_in_a_cycle_and_fields_that_cannot_be_excepted_are_errors()
    {
        // Act
        var cycle = Assert.Throws<SourceLocatedException>(() =>
            Load(
                """
                templates:
                  a: {inherit: [{template: b}]}
                  b: {inherit: [{template: a}]}
                releases:
                  - {name: web, chart: ./c, inherit: [{template: a}]}
                """
            )
        );
        var except = Assert.Throws<SourceLocatedException>(() =>
            Load(
                """
                templates:
                  a: {chart: ./c}
                releases:
                  - {name: web, inherit: [{template: a, except: [chart]}]}
                """
            )
        );

        // Assert
        Assert.Contains("release templates inherit in a cycle: a -> b -> a.", cycle.Message);
        Assert.Contains("'chart' cannot be excepted from template 'a'", except.Message);
        Assert.Contains(
            "labels, values, valuesTemplate, setTemplate, set, setString, secrets",
            except.Message
        );
    }

    [Fact]
    public void Yaml_merge_keys_build_releases_from_anchored_templates_the_release_s_own_keys_winning()
    {
        // Act
        var state = Load(
            """
            templates:
              default: &default
                chart: ./charts/app
                namespace: apps
                values: [common.yaml]
            releases:
              - name: web
                <<: *default
                namespace: web
              - name: api
                <<: *default
            """
        );

        // Assert
        Assert.Equal(
            ["web:web:./charts/app", "api:apps:./charts/app"],
            state.State.Releases.Select(r => $"{r.Name}:{r.Namespace}:{r.Chart}")
        );
    }

    [Fact]
    public void Diff_and_apply_only_fields_and_hooks_on_other_events_are_accepted_without_effect()
    {
        // Act
        var state = Load(
            """
            helmDefaults: {cascade: foreground, waitRetries: 2, skipRefresh: true}
            releases:
              - name: web
                chart: ./charts/app
                suppressDiff: true
                suppressOutputLineRegex: [version]
                deleteWait: true
                deleteTimeout: 60
                cascade: orphan
                adopt: [web]
                hooks:
                  - events: [presync, postsync]
                    command: notify.sh
                    args: [--release, "{{`{{ .Release.Name }}`}}"]
            """
        );

        // Assert
        var web = Assert.Single(state.State.Releases);
        var hook = Assert.Single(web.Hooks);
        Assert.Equal(["presync", "postsync"], hook.Events);
    }

    [Fact]
    public void A_hook_event_helmfile_never_triggers_is_refused_with_a_suggestion()
    {
        // Act
        var error = Assert.Throws<SourceLocatedException>(() =>
            Load(
                """
                releases:
                  - name: web
                    chart: ./charts/app
                    hooks:
                      - events: [prepair]
                        command: echo
                """
            )
        );

        // Assert
        Assert.Equal(5, error.Line);
        Assert.Contains(
            "event 'prepair' is not one helmfile triggers. Did you mean 'prepare'?",
            error.Message
        );
    }

    [Fact]
    public void A_kubectlApply_hook_at_render_time_is_refused_because_a_render_never_changes_a_cluster()
    {
        // Act
        var error = Assert.Throws<SourceLocatedException>(() =>
            Load(
                """
                releases:
                  - name: web
                    chart: ./charts/app
                    hooks:
                      - events: [prepare]
                        kubectlApply: {filename: crd.yaml}
                """
            )
        );

        // Assert
        Assert.Equal(6, error.Line);
        Assert.Contains("would change a cluster while rendering", error.Message);
    }
}
