using Pipelines.Failures;
using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.Selection;
using Pipelines.Helmfile.State;

namespace Pipelines.Tests.Helmfile;

/// <summary>Nested states, state values and hooks through a real render (real helm, a tiny local chart).</summary>
public sealed class RenderStateTests : IDisposable
{
    private readonly HelmfileWorkspace _workspace = new();

    public RenderStateTests()
    {
        _workspace.Write(
            "charts/greeter/Chart.yaml",
            "apiVersion: v2\nname: greeter\nversion: 0.1.0\n"
        );
        _workspace.Write(
            "charts/greeter/templates/configmap.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  greeting: {{ .Values.greeting | quote }}\n"
        );
        _workspace.Write(
            "helmfile/clusters.yaml",
            "environments:\n  test:\n    region: eu-west-1\n    clusters:\n      - name: test-1-33-blue\n        kubernetesVersion: \"1.33\"\n        kubeContext: test-1-33-blue\n        color: blue\n        state: active\n"
        );
    }

    public void Dispose() => _workspace.Dispose();

    private async Task<RenderResult> RenderAsync(
        StateValueOverrides? values = null,
        bool dryRun = false,
        string stateFile = "helmfile.yaml"
    )
    {
        var renderer = new HelmfileRenderer(
            _workspace.Root,
            HelmfileWorkspace.Templates(),
            references: null
        )
        {
            ToolsDirectory = HelmfileWorkspace.SharedTools,
            StateValues = values ?? StateValueOverrides.None,
            DryRun = dryRun,
        };
        var result = await renderer.RenderAsync(
            _workspace.Root / "helmfile" / stateFile,
            _workspace.Root / "helmfile" / "clusters.yaml",
            new RenderOptions("test", null, [], NeedsGraph.Include.None),
            CancellationToken.None
        );
        await RenderOutput.WriteAsync(
            _workspace.Rendered,
            result,
            complete: true,
            write: true,
            CancellationToken.None
        );
        return result;
    }

    private string Rendered(string file) => File.ReadAllText(_workspace.Rendered / file);

    [Fact]
    public async Task Releases_of_nested_states_render_into_the_same_layout_with_their_own_values_and_selectors()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml",
            """
            environments:
              test:
                values: [{greeting: top}]
            helmfiles:
              - path: apps/*.yaml.gotmpl
                values: [{greeting: passed-down}]
              - path: infra/infra.yaml
                selectors: [tier=db]
            ---
            releases:
              - name: top
                namespace: base
                chart: ../charts/greeter
                values: [{greeting: top}]
            """
        );
        _workspace.Write(
            "helmfile/apps/web.yaml.gotmpl",
            """
            environments:
              test: {}
            ---
            releases:
              - name: web
                namespace: apps
                chart: ../../charts/greeter
                values: [{greeting: "{{ .Values.greeting }}"}]
            """
        );
        _workspace.Write(
            "helmfile/infra/infra.yaml",
            """
            environments:
              test: {}
            releases:
              - {name: db, namespace: infra, chart: ../../charts/greeter, labels: {tier: db}}
              - {name: cache, namespace: infra, chart: ../../charts/greeter, labels: {tier: cache}}
            """
        );

        // Act
        var result = await RenderAsync();

        // Assert
        Assert.Equal(
            ["apps/web", "infra/db", "base/top"],
            result.Clusters.Single().Releases.Select(r => $"{r.Namespace}/{r.Release.Name}")
        );
        Assert.Contains("greeting: \"passed-down\"", Rendered("test/test-1-33-blue/apps/web.yaml"));
        Assert.Contains("name: db", Rendered("test/test-1-33-blue/infra/db.yaml"));
        Assert.False(File.Exists(_workspace.Rendered / "test/test-1-33-blue/infra/cache.yaml"));
    }

    [Fact]
    public async Task State_values_from_the_command_line_reach_the_top_state_and_not_its_nested_states_as_in_helmfile()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml.gotmpl",
            """
            environments:
              test:
                values: [{greeting: env}]
            ---
            releases:
              - name: web
                chart: ../charts/greeter
                values: [{greeting: "{{ .Values.greeting }}"}]
            """
        );
        _workspace.Write("helmfile/helmfile.yaml", "helmfiles: [helmfile.yaml.gotmpl]\n");

        var fromCli = new StateValueOverrides([], ["greeting=from-cli"], []);

        // Act
        await RenderAsync(fromCli, stateFile: "helmfile.yaml.gotmpl");
        var top = Rendered("test/test-1-33-blue/default/web.yaml");
        await RenderAsync(fromCli);
        var nested = Rendered("test/test-1-33-blue/default/web.yaml");

        // Assert
        Assert.Contains("greeting: \"from-cli\"", top);
        Assert.Contains("greeting: \"env\"", nested);
    }

    [Fact]
    public async Task Prepare_and_cleanup_hooks_run_in_the_state_file_s_folder_around_the_render()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml",
            """
            environments:
              test: {}
            hooks:
              - events: [prepare, cleanup]
                command: sh
                args: [-c, "echo global-{{`{{ .Event.Name }}`}} >> hooks.log"]
            releases:
              - name: web
                chart: ../charts/greeter
                hooks:
                  - events: [prepare]
                    showlogs: true
                    command: sh
                    args: [-c, "echo prepare-{{`{{ .Release.Name }}`}}-{{`{{ .Environment.Name }}`}}-{{`{{ .HelmfileCommand }}`}} >> hooks.log"]
                  - events: [cleanup]
                    command: ./cleanup.sh
                    args: ["{{`{{ .Release.Name }}`}}"]
                  - events: [presync]
                    command: sh
                    args: [-c, "echo presync >> hooks.log"]
            """.Replace("{{`", "").Replace("`}}", "")
        );
        var script = _workspace.Write(
            "helmfile/cleanup.sh",
            "#!/bin/sh\necho cleanup-$1 >> hooks.log\n"
        );
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, Pipelines.Tools.Helm.HelmInstaller.ExecutableMode);
        }

        // Act
        await RenderAsync();

        // Assert
        Assert.Equal(
            "global-prepare\nprepare-web-test-template\ncleanup-web\nglobal-cleanup\n",
            File.ReadAllText(_workspace.Root / "helmfile" / "hooks.log")
        );
    }

    [Fact]
    public async Task With_dry_run_the_hook_commands_are_shown_and_not_run()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml",
            "releases:\n  - name: web\n    chart: ../charts/greeter\n    hooks:\n      - events: [prepare]\n        command: touch\n        args: [prepared]\n"
        );
        File.WriteAllText(
            _workspace.Root / "helmfile" / "helmfile.yaml",
            File.ReadAllText(_workspace.Root / "helmfile" / "helmfile.yaml")
                .Insert(0, "environments:\n  test: {}\n")
        );

        // Act
        var result = await RenderAsync(dryRun: true);

        // Assert
        Assert.False(File.Exists(_workspace.Root / "helmfile" / "prepared"));
        Assert.Single(result.Clusters.Single().Releases);
    }

    [Fact]
    public async Task A_failing_prepare_hook_fails_the_render_and_leaves_rendered_as_it_was()
    {
        // Arrange
        _workspace.Write(
            "helmfile/helmfile.yaml",
            "environments:\n  test: {}\nreleases:\n  - name: web\n    chart: ../charts/greeter\n"
        );
        await RenderAsync();
        var before = Rendered("test/test-1-33-blue/default/web.yaml");
        _workspace.Write(
            "helmfile/helmfile.yaml",
            "environments:\n  test: {}\nreleases:\n  - name: web\n    chart: ../charts/greeter\n    values: [{greeting: changed}]\n    hooks:\n      - events: [prepare]\n        command: sh\n        args: [-c, \"echo no chart generator >&2; exit 3\"]\n"
        );

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() => RenderAsync());

        // Assert
        Assert.Equal("helmfile/helmfile.yaml", error.File);
        Assert.Equal(9, error.Line);
        Assert.Contains("the prepare hook 'sh' of release web failed (exit code 3)", error.Message);
        Assert.Contains("no chart generator", error.Message);
        Assert.Equal(before, Rendered("test/test-1-33-blue/default/web.yaml"));
    }
}
