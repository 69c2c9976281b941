using Pipelines.Engine;
using Pipelines.GoTemplates;
using Pipelines.Helmfile.Selection;
using Pipelines.Helmfile.State;
using Pipelines.Helmfile.Vals;

namespace Pipelines.Helmfile.Rendering;

/// <summary>The RenderHelmfile target's steps: render for every live cluster of --env, write or diff, and report.</summary>
public sealed partial class HelmfileRenderer
{
    /// <summary>Parameter Store references resolved with <c>--aws-region</c> and <c>--ssm-endpoint</c>; the client is made on first use.</summary>
    public static ReferenceResolver References(IHelmfileRender build)
    {
        var client = new Lazy<Amazon.SimpleSystemsManagement.IAmazonSimpleSystemsManagement>(() =>
            ParameterStoreClients.Create(build.AwsRegion, build.SsmEndpoint)
        );
        return new ReferenceResolver(
            async (data, file, ct) =>
                (await new ParameterStoreResolver(client.Value).ResolveAsync(data, file, ct)).Data
        );
    }

    public static async Task<RenderResult> RenderHelmfileAsync(
        IHelmfileRender build,
        CancellationToken cancellationToken
    )
    {
        var templates = HelmfileTemplates.Context(Environment.GetEnvironmentVariable);
        var references = References(build);
        var include =
            build.IncludeTransitiveNeeds ? NeedsGraph.Include.Transitive
            : build.IncludeNeeds ? NeedsGraph.Include.Direct
            : NeedsGraph.Include.None;
        var options = new RenderOptions(
            build.Env!,
            build.Cluster,
            build.Selector.Select(ReleaseSelector.Parse).ToList(),
            include
        )
        {
            Flags = new TemplateFlags
            {
                Set = build.Set,
                Values = build.Values,
                Namespace = build.HelmfileNamespace,
                PostRenderer = build.PostRenderer,
                PostRendererArgs = build.PostRendererArgs,
                SkipDeps = build.SkipDeps,
            },
        };
        var stateValues = new StateValueOverrides(
            build.StateValuesFile,
            build.StateValuesSet,
            build.StateValuesSetString
        );
        var result =
            build.Renderer == HelmfileRendererKind.Helmfile
                ? await new HelmfileBinaryRenderer(
                    build.RootDirectory,
                    Environment.GetEnvironmentVariable("PATH")
                )
                {
                    StateValues = stateValues,
                }.RenderAsync(build.HelmfileFile, build.ClustersFile, options, cancellationToken)
                : await new HelmfileRenderer(build.RootDirectory, templates, references)
                {
                    StateValues = stateValues,
                    DryRun = build.DryRun,
                }.RenderAsync(build.HelmfileFile, build.ClustersFile, options, cancellationToken);

        var complete = options.Selectors.Count == 0;
        var changes = await RenderOutput.WriteAsync(
            build.RenderedDirectory,
            result,
            complete,
            write: !build.Diff,
            cancellationToken
        );
        foreach (var cluster in result.Clusters)
        {
            var objects = cluster.Releases.Sum(r => r.Objects.Count);
            Log.Info(
                $"{cluster.Cluster.Name} (Kubernetes {cluster.Cluster.KubernetesVersion}, {cluster.Cluster.State.ToString().ToLowerInvariant()}): "
                    + $"{cluster.Releases.Count} release(s), {objects} object(s)"
            );
            foreach (var release in cluster.Releases)
            {
                Log.Info(
                    $"  {release.Namespace}/{release.Release.Name}: {release.Objects.Count} object(s){(release.FromCache ? " (cached)" : "")}"
                );
            }
        }
        if (build.Diff)
        {
            if (build.DiffFile is { } diffFile)
            {
                // Written before the exit-2 below, so a review job can post the diff whether or not it is empty;
                // masked like the log, since the file may end up in a pull-request comment.
                await AtomicFile.WriteAllTextAsync(
                    diffFile,
                    Log.Host.Secrets.Apply(
                        string.Concat(changes.Select(c => c.Diff.TrimEnd('\n') + "\n"))
                    ),
                    cancellationToken
                );
            }
            foreach (var change in changes)
            {
                Log.Info($"{change.Kind}: {change.Path}");
                Log.Info(change.Diff.TrimEnd('\n'));
            }
            if (changes.Count > 0)
            {
                throw new DriftDetectedException(
                    $"{changes.Count} rendered file(s) differ from the previous render."
                );
            }
            Log.Info("No changes against the previous render.");
        }
        else
        {
            Log.Info(
                $"Written under {build.RenderedDirectory.RelativeTo(build.RootDirectory)}/{result.Environment}/"
            );
        }
        return result;
    }
}
