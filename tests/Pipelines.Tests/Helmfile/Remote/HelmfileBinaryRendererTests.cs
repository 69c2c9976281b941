using Pipelines.Failures;
using Pipelines.Helmfile.Rendering;
using Pipelines.Helmfile.Selection;

namespace Pipelines.Tests.Helmfile.Remote;

/// <summary>
/// <c>--renderer helmfile</c> with a stand-in <c>helmfile</c> on PATH (no real one can be had here): the exact command
/// line per live cluster, and the rendered layout read back from helmfile's per-release output folders.
/// </summary>
public sealed class HelmfileBinaryRendererTests : IDisposable
{
    private readonly HelmfileWorkspace _workspace = new HelmfileWorkspace().WithProjectConfig();
    private readonly string _bin;

    public HelmfileBinaryRendererTests()
    {
        _bin = _workspace.Root / "bin";
        Directory.CreateDirectory(_bin);
        var clusters = _workspace.Root / "helmfile" / "clusters.yaml";
        File.WriteAllText(
            clusters,
            File.ReadAllText(clusters)
                .Replace(
                    "        deadline: \"2026-12-28\"\n",
                    "        deadline: \"2026-12-28\"\n        apiVersions: [monitoring.coreos.com/v1]\n"
                )
        );
    }

    public void Dispose() => _workspace.Dispose();

    private string Calls => _workspace.Root / "helmfile-calls.txt";

    /// <summary>Records its arguments, then writes two releases (one without a namespace) as helmfile --output-dir does.</summary>
    private void StandIn(string exit = "0")
    {
        var path = Path.Combine(_bin, "helmfile");
        File.WriteAllText(
            path,
            $$"""
            #!/bin/bash
            printf '%s\n' "$@" >> '{{Calls}}'
            echo '===' >> '{{Calls}}'
            prev=""
            for a in "$@"; do
              [ "$prev" = "--output-dir" ] && out="$a"
              [ "$prev" = "--kube-version" ] && kube="$a"
              prev="$a"
            done
            if [ "{{exit}}" != "0" ]; then echo "in ./helmfile.yaml: failed to render release web" >&2; exit {{exit}}; fi
            mkdir -p "$out/web_web/app/templates" "$out/_tools/tools/templates"
            printf -- '---\n# Source: app/templates/configmap.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  kube: "%s"\n' "$kube" > "$out/web_web/app/templates/configmap.yaml"
            printf -- '---\n# Source: tools/templates/sa.yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: tools\n' > "$out/_tools/tools/templates/sa.yaml"

            """
        );
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(
                path,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            );
        }
    }

    private Task<RenderResult> RenderAsync(string? path = null) =>
        new HelmfileBinaryRenderer(_workspace.Root, path ?? _bin).RenderAsync(
            _workspace.Root / "helmfile" / "helmfile.yaml",
            _workspace.Root / "helmfile" / "clusters.yaml",
            new RenderOptions(
                "prod",
                null,
                [ReleaseSelector.Parse("name!=web")],
                NeedsGraph.Include.Direct
            )
            {
                Flags = new TemplateFlags
                {
                    Set = ["image.tag=1.2.3"],
                    Values = ["extra.yaml"],
                    Namespace = "web",
                    PostRenderer = "post.sh",
                    PostRendererArgs = ["-x"],
                    SkipDeps = true,
                },
            },
            CancellationToken.None
        );

    [Fact]
    public async Task Helmfile_template_runs_once_per_live_cluster_with_the_exact_command_line()
    {
        // Arrange
        StandIn();

        // Act
        await RenderAsync();

        // Assert
        var calls = File.ReadAllText(Calls)
            .Split("===\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.TrimEnd('\n').Split('\n'))
            .ToList();
        Assert.Equal(2, calls.Count);
        string[] Expected(string cluster, string selector, string version, params string[] apis) =>
            [
                "--file",
                _workspace.Root / "helmfile" / "helmfile.yaml",
                "--environment",
                "prod",
                "--namespace",
                "web",
                "--kube-context",
                cluster,
                "--selector",
                selector,
                "template",
                "--kube-version",
                $"v{version}.0",
                "--include-crds",
                "--skip-tests",
                "--include-needs",
                "--skip-deps",
                "--set",
                "image.tag=1.2.3",
                "--values",
                "extra.yaml",
                "--post-renderer",
                "post.sh",
                "--post-renderer-args",
                "-x",
                .. apis,
                "--output-dir-template",
                HelmfileBinaryRenderer.OutputDirTemplate,
            ];
        Assert.Equal(
            Expected("prod-1-34-blue", "name!=web", "1.34"),
            calls[0].Where((_, i) => !IsOutputDir(calls[0], i))
        );
        Assert.Equal(
            Expected(
                "prod-1-35-green",
                "tier=management,name!=web",
                "1.35",
                "--args",
                "--api-versions=monitoring.coreos.com/v1"
            ),
            calls[1].Where((_, i) => !IsOutputDir(calls[1], i))
        );
        Assert.StartsWith(
            _workspace.Root / ".nuke" / "temp" / "helmfile-output",
            calls[0][Array.IndexOf(calls[0], "--output-dir") + 1]
        );
    }

    private static bool IsOutputDir(string[] call, int index) =>
        call[index] == "--output-dir" || (index > 0 && call[index - 1] == "--output-dir");

    [Fact]
    public async Task Each_release_folder_helmfile_writes_becomes_the_release_file_of_the_usual_layout()
    {
        // Arrange
        StandIn();

        // Act
        var result = await RenderAsync();
        await RenderOutput.WriteAsync(
            _workspace.Rendered,
            result,
            complete: true,
            write: true,
            CancellationToken.None
        );

        // Assert
        Assert.Equal(
            [
                "prod/prod-1-34-blue.yaml",
                "prod/prod-1-34-blue/default/tools.yaml",
                "prod/prod-1-34-blue/web/web.yaml",
                "prod/prod-1-35-green.yaml",
                "prod/prod-1-35-green/default/tools.yaml",
                "prod/prod-1-35-green/web/web.yaml",
            ],
            _workspace.RenderedFiles.Select(f => f.Replace('\\', '/'))
        );
        var web = File.ReadAllText(
            _workspace.Rendered / "prod" / "prod-1-35-green" / "web" / "web.yaml"
        );
        Assert.Contains("kube: v1.35.0", web.Replace("\"", ""));
        Assert.False(
            (_workspace.Root / ".nuke" / "temp" / "helmfile-output").DirectoryExists
                && Directory
                    .EnumerateFileSystemEntries(
                        _workspace.Root / ".nuke" / "temp" / "helmfile-output"
                    )
                    .Any()
        );
    }

    [Fact]
    public async Task Without_a_helmfile_binary_on_path_the_error_says_how_to_get_one()
    {
        // Act
        var error = await Assert.ThrowsAsync<UsageException>(() => RenderAsync(path: _bin));

        // Assert
        Assert.Contains("there is none on PATH", error.Message);
        Assert.Contains("https://github.com/helmfile/helmfile/releases", error.Message);
        Assert.Contains("leave out --renderer", error.Message);
    }

    [Fact]
    public async Task A_failing_helmfile_is_an_error_naming_the_cluster_and_what_helmfile_said()
    {
        // Arrange
        StandIn(exit: "1");

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() => RenderAsync());

        // Assert
        Assert.Contains(
            "helmfile template failed for cluster prod-1-34-blue (exit code 1)",
            error.Message
        );
        Assert.Contains("failed to render release web", error.Message);
    }

    [Fact]
    public async Task A_field_the_native_renderer_refuses_points_to_the_helmfile_renderer()
    {
        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            StateRender.RenderAsync(
                _workspace,
                "environments:\n  test: {}\n---\nreleases:\n  - name: web\n    chart: ../charts/app\n    notAField: 1\n"
            )
        );

        // Assert
        Assert.Contains("field 'notAField' is not supported here", error.Message);
        Assert.Contains("--renderer helmfile", error.Message);
    }
}
