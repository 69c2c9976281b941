using Pipelines.Clusters;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Manifests;
using Pipelines.Helmfile.Selection;
using Pipelines.Helmfile.State;
using Pipelines.Tools;

namespace Pipelines.Helmfile.Rendering;

/// <summary>
/// <c>--renderer helmfile</c>: the real helmfile binary renders the state, one <c>helmfile template</c> per live
/// cluster with what the native renderer would use (the cluster's Kubernetes version and API versions, its kube
/// context, the environment, the cluster's <c>carries</c> combined with <c>--selector</c>, and the template flags),
/// into the same layout. Each release goes to its own folder through helmfile's <c>--output-dir-template</c>, so
/// two releases of one chart never blur together; their files are read back in path order.
/// </summary>
internal sealed class HelmfileBinaryRenderer(AbsolutePath root, string? path)
{
    /// <summary>Per release: <c>&lt;namespace&gt;_&lt;name&gt;</c>; '_' is in neither a namespace nor a release name.</summary>
    internal const string OutputDirTemplate =
        "{{ .OutputDir }}/{{ .Release.Namespace }}_{{ .Release.Name }}";

    /// <summary>State values from the command line, passed on as helmfile's own global flags.</summary>
    internal StateValueOverrides StateValues { get; init; } = StateValueOverrides.None;

    public async Task<RenderResult> RenderAsync(
        AbsolutePath stateFile,
        AbsolutePath clustersFile,
        RenderOptions options,
        CancellationToken cancellationToken
    )
    {
        var helmfile =
            ExecutableSearch.Find(ExecutableSearch.Directories(path), "helmfile")
            ?? throw new UsageException(
                "--renderer helmfile runs the helmfile binary, and there is none on PATH. Install helmfile v1 from "
                    + "https://github.com/helmfile/helmfile/releases (the helmfile binary, with helm on PATH beside it), "
                    + "or leave out --renderer to render with the build's own implementation."
            );
        var declaredIn = stateFile.RelativeTo(root);
        var renders = new List<ClusterRender>();
        foreach (var cluster in RenderPlan.Clusters(ClustersFile.Load(clustersFile, root), options))
        {
            var output = root / ".nuke" / "temp" / "helmfile-output" / Guid.NewGuid().ToString("N");
            try
            {
                var command = Command(helmfile, stateFile, cluster, options, output, StateValues)
                    .WithWorkingDirectory(root);
                try
                {
                    await ToolRunner.Default.RunAsync(
                        command,
                        ToolOutput.Capture,
                        cancellationToken
                    );
                }
                catch (ToolException exception)
                {
                    throw new SourceLocatedException(
                        $"{declaredIn}: helmfile template failed for cluster {cluster.Name} (exit code "
                            + $"{exception.ExitCode}):\n{exception.Detail}",
                        declaredIn
                    );
                }
                var releases = Read(output, cluster, declaredIn);
                renders.Add(
                    new ClusterRender(cluster, [.. releases.Select(r => r.Release)], releases)
                    {
                        Complete = options.Selectors.Count == 0,
                    }
                );
            }
            finally
            {
                if (output.DirectoryExists)
                {
                    Directory.Delete(output, recursive: true);
                }
            }
        }
        var result = new RenderResult(
            options.Environment,
            renders,
            new DeclaredState(options.Environment, declaredIn)
        );
        RemovedApisException.ThrowIfAny(result);
        return result;
    }

    /// <summary>The exact <c>helmfile</c> command line for one cluster.</summary>
    internal static ToolCommand Command(
        string helmfile,
        AbsolutePath stateFile,
        ClusterDefinition cluster,
        RenderOptions options,
        AbsolutePath outputDirectory,
        StateValueOverrides? stateValues = null
    )
    {
        var flags = options.Flags;
        var command = ToolCommand
            .For(helmfile)
            .WithArguments("--file", stateFile, "--environment", options.Environment);
        if (!string.IsNullOrEmpty(flags.Namespace))
        {
            command = command.WithArguments("--namespace", flags.Namespace);
        }
        if (cluster.KubeContext is { } context)
        {
            command = command.WithArguments("--kube-context", context);
        }
        foreach (var selector in Selectors(cluster.Carries, options.Selectors))
        {
            command = command.WithArguments("--selector", selector);
        }
        if (stateValues is not null)
        {
            command = Repeated(command, "--state-values-file", stateValues.Files);
            command = Repeated(command, "--state-values-set", stateValues.Set);
            command = Repeated(command, "--state-values-set-string", stateValues.SetString);
        }
        command = command.WithArguments(
            "template",
            "--kube-version",
            $"v{cluster.KubernetesVersion}.0",
            "--include-crds",
            "--skip-tests"
        );
        command = options.IncludeNeeds switch
        {
            NeedsGraph.Include.Direct => command.WithArguments("--include-needs"),
            NeedsGraph.Include.Transitive => command.WithArguments("--include-transitive-needs"),
            _ => command,
        };
        if (flags.SkipDeps)
        {
            command = command.WithArguments("--skip-deps");
        }
        command = Repeated(command, "--set", flags.Set);
        command = Repeated(command, "--values", flags.Values);
        if (!string.IsNullOrEmpty(flags.PostRenderer))
        {
            command = command.WithArguments("--post-renderer", flags.PostRenderer);
        }
        command = Repeated(command, "--post-renderer-args", flags.PostRendererArgs);
        var apis = cluster.ApiVersions.Distinct().Order(StringComparer.Ordinal).ToList();
        if (apis.Count > 0)
        {
            // helmfile template has no --api-versions of its own: --args passes them to helm.
            command = command.WithArguments(
                "--args",
                string.Join(" ", apis.Select(a => $"--api-versions={a}"))
            );
        }
        return command
            .WithArguments("--output-dir", outputDirectory)
            .WithArguments("--output-dir-template", OutputDirTemplate)
            .WithInheritedSecrets(RepositoryPasswords());
    }

    /// <summary>A cluster carries any one of its selectors, and --selector narrows it: every pair, ANDed.</summary>
    internal static IEnumerable<string> Selectors(
        IReadOnlyList<ReleaseSelector> carries,
        IReadOnlyList<ReleaseSelector> selected
    ) =>
        carries.Count == 0 ? selected.Select(s => s.ToString())
        : selected.Count == 0 ? carries.Select(c => c.ToString())
        : carries.SelectMany(c => selected.Select(s => $"{c},{s}"));

    /// <summary>helmfile reads repository credentials from &lt;NAME&gt;_PASSWORD: those variables reach it, no other secret.</summary>
    private static IEnumerable<string> RepositoryPasswords() =>
        Environment
            .GetEnvironmentVariables()
            .Keys.OfType<string>()
            .Where(n => n.EndsWith("_PASSWORD", StringComparison.Ordinal));

    private static ToolCommand Repeated(
        ToolCommand command,
        string flag,
        IEnumerable<string> values
    ) => values.Aggregate(command, (c, v) => c.WithArguments(flag, v));

    private static List<RenderedRelease> Read(
        AbsolutePath output,
        ClusterDefinition cluster,
        string declaredIn
    )
    {
        if (!output.DirectoryExists)
        {
            return [];
        }
        return Directory
            .EnumerateDirectories(output)
            .Order(StringComparer.Ordinal)
            .Select(folder =>
            {
                var id = Path.GetFileName(folder);
                var separator = id.IndexOf('_');
                var ns = separator > 0 ? id[..separator] : null;
                var name = id[(separator + 1)..];
                var text = string.Join(
                    "\n",
                    Directory
                        .EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories)
                        .Order(StringComparer.Ordinal)
                        .Select(File.ReadAllText)
                );
                var release = new ReleaseSpec
                {
                    Name = name,
                    Namespace = ns,
                    Chart = "(rendered by helmfile)",
                    DeclaredIn = declaredIn,
                };
                return new RenderedRelease(
                    cluster,
                    release,
                    ManifestStream.Parse(text, name, ns ?? "default"),
                    FromCache: false
                );
            })
            .ToList();
    }
}
