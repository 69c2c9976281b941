using Pipelines.Engine;
using Pipelines.Helmfile;
using Pipelines.Tests.Engine;
using Pipelines.TestServers;

namespace Pipelines.Tests.Helmfile;

/// <summary>RenderHelmfile --diff --diff-file, run by the engine on the project's config with real helm.</summary>
public sealed class RenderDiffFileTests : IDisposable
{
    private sealed class RenderBuild : PipelineBuild, IHelmfileRender;

    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private Task<BuildResult<RenderBuild>> RenderAsync(params string[] more) =>
        _harness.RunAsync(
            new RenderBuild(),
            ["RenderHelmfile", "--env", "test", "--cluster", "test-1-35-green", .. more]
        );

    [Fact]
    public async Task The_diff_file_holds_the_changes_and_is_empty_when_nothing_changed()
    {
        // Arrange: the project's config, and the shared helm (installed once per machine) in the tools folder.
        await CopyProjectAsync();
        var values = _harness.Root / "helmfile" / "values" / "test.yaml";
        var diffFile = _harness.Root / "review" / "test-1-35-green.diff";
        var baseRender = await RenderAsync();
        var unchanged = await RenderAsync("--diff", "--diff-file", diffFile);
        var unchangedText = File.ReadAllText(diffFile);
        File.WriteAllText(values, File.ReadAllText(values).Replace("level: debug", "level: warn"));

        // Act
        var changed = await RenderAsync("--diff", "--diff-file", diffFile);

        // Assert
        Assert.True(baseRender.ExitCode == 0, baseRender.AllOutput);
        Assert.Equal(0, unchanged.ExitCode);
        Assert.Equal("", unchangedText);
        Assert.Equal(2, changed.ExitCode);
        var diff = File.ReadAllText(diffFile);
        Assert.StartsWith("--- a/test/test-1-35-green/", diff);
        Assert.Contains("-  \"LOG_LEVEL\": \"debug\"\n+  \"LOG_LEVEL\": \"warn\"\n", diff);
    }

    [Fact]
    public async Task The_diff_shows_a_changed_secret_key_with_a_hash_and_never_its_value()
    {
        // Arrange: the app chart gains a Secret from its values; the key's value changes between renders.
        await CopyProjectAsync();
        File.WriteAllText(
            _harness.Root / "charts" / "app" / "templates" / "secret.yaml",
            "{{- if .Values.secretData }}\napiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Release.Name }}\n"
                + "stringData:\n  {{- toYaml .Values.secretData | nindent 2 }}\n{{- end }}\n"
        );
        var values = _harness.Root / "helmfile" / "values" / "apps" / "web" / "test.yaml";
        var original = File.ReadAllText(values);
        File.WriteAllText(
            values,
            original + "\nsecretData:\n  API_KEY: old-k3y-123\n  KEPT: kept-v4lue\n"
        );
        var diffFile = _harness.Root / "review" / "test-1-35-green.diff";
        var baseRender = await RenderAsync();
        File.WriteAllText(
            values,
            original + "\nsecretData:\n  API_KEY: new-k3y-456\n  KEPT: kept-v4lue\n  ADDED: add3d\n"
        );

        // Act
        var changed = await RenderAsync("--diff", "--diff-file", diffFile);

        // Assert
        Assert.True(baseRender.ExitCode == 0, baseRender.AllOutput);
        Assert.Equal(2, changed.ExitCode);
        var diff = File.ReadAllText(diffFile);
        foreach (var value in new[] { "old-k3y-123", "new-k3y-456", "kept-v4lue", "add3d" })
        {
            Assert.DoesNotContain(value, diff);
            Assert.DoesNotContain(value, changed.AllOutput);
        }
        Assert.Matches(@"\n-  API_KEY: ['""]?\*\*\* hash:[0-9a-f]{12}['""]?\n", diff);
        Assert.Matches(@"\n\+  API_KEY: ['""]?\*\*\* changed, hash:[0-9a-f]{12}['""]?\n", diff);
        Assert.Matches(@"\n\+  ADDED: ['""]?\*\*\* added, hash:[0-9a-f]{12}['""]?\n", diff);
        Assert.DoesNotMatch(@"[-+]  KEPT:", diff);
    }

    private async Task CopyProjectAsync()
    {
        foreach (var folder in new[] { "charts", "helmfile" })
        {
            foreach (
                var file in Directory.GetFiles(
                    Path.Combine(RepositoryRoot.Path, folder),
                    "*",
                    SearchOption.AllDirectories
                )
            )
            {
                var target = _harness.Root / Path.GetRelativePath(RepositoryRoot.Path, file);
                Directory.CreateDirectory(target.Parent!);
                File.Copy(file, target);
            }
        }
        await HelmfileWorkspace.LinkSharedHelmAsync(_harness.Root);
    }
}
