using Pipelines.Engine;
using Pipelines.Helmfile;
using Pipelines.Tests.Engine;

namespace Pipelines.Tests.Helmfile;

/// <summary>RenderHelmfile's --env, checked against the state file actually used, run by the engine with real helm.</summary>
public sealed class RenderEnvironmentTests : IDisposable
{
    private sealed class RenderBuild : PipelineBuild, IHelmfileRender;

    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private async Task ArrangeAsync()
    {
        Write("charts/greeter/Chart.yaml", "apiVersion: v2\nname: greeter\nversion: 0.1.0\n");
        Write(
            "charts/greeter/templates/configmap.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  greeting: {{ .Values.greeting | quote }}\n"
        );
        Write("helmfile/helmfile.yaml", "environments:\n  test: {}\n  stage: {}\n  prod: {}\n");
        Write(
            "states/other.yaml.gotmpl",
            "environments:\n  qa:\n    values: [{greeting: qa}]\n---\nreleases:\n  - name: web\n    chart: ../charts/greeter\n"
                + "    values: [{greeting: \"{{ .Values.greeting }}\"}]\n"
        );
        Write(
            "helmfile/clusters.yaml",
            "environments:\n  qa:\n    region: eu-west-1\n    clusters:\n      - name: qa-1-33-blue\n        kubernetesVersion: \"1.33\"\n        kubeContext: qa-1-33-blue\n        color: blue\n        state: active\n"
        );
        await HelmfileWorkspace.LinkSharedHelmAsync(_harness.Root);
    }

    private void Write(string path, string text)
    {
        var file = _harness.Root / path;
        Directory.CreateDirectory(file.Parent!);
        File.WriteAllText(file, text);
    }

    private Task<BuildResult<RenderBuild>> RenderAsync(params string[] args) =>
        _harness.RunAsync(new RenderBuild(), ["RenderHelmfile", .. args]);

    [Fact]
    public async Task Env_is_checked_against_the_state_file_given_and_state_values_set_reaches_the_render()
    {
        // Arrange
        await ArrangeAsync();

        // Act
        var result = await RenderAsync(
            "--helmfile-file",
            _harness.Root / "states" / "other.yaml.gotmpl",
            "--env",
            "qa",
            "--state-values-set",
            "greeting=from-cli"
        );

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        var rendered = File.ReadAllText(
            _harness.Root
                / ".nuke"
                / "temp"
                / "rendered"
                / "qa"
                / "qa-1-33-blue"
                / "default"
                / "web.yaml"
        );
        Assert.Contains("greeting: \"from-cli\"", rendered);
    }

    [Fact]
    public async Task A_typo_in_env_is_refused_with_the_state_file_s_environments_and_default()
    {
        // Arrange
        await ArrangeAsync();

        // Act
        var result = await RenderAsync(
            "--helmfile-file",
            _harness.Root / "states" / "other.yaml.gotmpl",
            "--env",
            "qz"
        );

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Invalid value 'qz' for --env", result.AllOutput);
        Assert.Contains("expected one of qa, default. Did you mean 'qa'?", result.AllOutput);
    }

    [Fact]
    public async Task The_default_environment_is_accepted_and_without_a_cluster_the_error_says_how_to_add_one()
    {
        // Arrange
        await ArrangeAsync();

        // Act
        var result = await RenderAsync("--env", "default");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("Invalid value 'default'", result.AllOutput);
        Assert.Contains(
            "Environment 'default' has no active or draining cluster in helmfile/clusters.yaml, so there is no "
                + "Kubernetes version to render it for. Add a cluster for it under environments: in "
                + "helmfile/clusters.yaml (e.g. default-1-33-blue), or pass --env with one of: qa.",
            result.AllOutput
        );
    }
}
