using Pipelines.Clusters.Editing;
using Pipelines.ConfigRepo;
using Pipelines.Engine;

namespace Pipelines.Clusters.Migration;

/// <summary>What MigrateApp was asked.</summary>
/// <param name="App">The app: its releases are labelled <c>app=&lt;app&gt;</c>.</param>
/// <param name="Environment">The environment whose clusters.yaml entries change.</param>
/// <param name="To">The live cluster the app moves to.</param>
/// <param name="KeepOnOld">Keep the app on its old cluster(s) too, for a parallel run.</param>
/// <param name="Via">A commit to the config repo's base branch or a pull request.</param>
internal sealed record MigrationRequest(
    string App,
    string Environment,
    string To,
    bool KeepOnOld,
    ConfigDelivery Via
);

/// <summary>
/// MigrateApp: changes <c>carries:</c> in the config repo's clusters.yaml so the new cluster carries the app and the
/// old ones stop (unless <see cref="MigrationRequest.KeepOnOld"/>), through the same path as BumpK8sConfig: one
/// commit pushed to the base branch (redone on the new HEAD after a lost race) or a pull request. The next Sync with
/// <c>--prune</c> then adds the app on the new cluster and removes it from the old one.
/// </summary>
internal static class AppMigration
{
    public static async Task<ConfigChangeResult> RunAsync(
        MigrationRequest request,
        ClusterLifecycleSettings settings,
        ConfigRepoContext context,
        CancellationToken cancellationToken
    )
    {
        var clustersFile = settings.RelativeClustersFile;
        var helmfileFile = settings.HelmfileFile.RelativeTo(settings.Root);
        var change = new ConfigChange
        {
            Via = request.Via,
            PullRequestBranch = $"migrate/{request.App}/{request.Environment}",
            Edit = (workspace, _) =>
                Task.FromResult(
                    Edit(workspace, request, clustersFile, helmfileFile, settings.Variables)
                ),
        };
        var result = await ConfigRepoChanges.ApplyAsync(change, context, cancellationToken);
        if (!result.Changed)
        {
            Log.Info(
                $"{clustersFile} already has {request.App} where MigrateApp would put it; nothing to commit."
            );
        }
        Log.Info(
            $"Next: ./build.sh Sync --env {request.Environment} --prune (the CD pipeline runs it on the next push) adds "
                + $"{request.App} on {request.To}"
                + (request.KeepOnOld ? "." : " and removes it from the old cluster.")
        );
        return result;
    }

    /// <summary>The edit, on whatever the config repo's HEAD holds now; null when it already says this.</summary>
    public static ConfigEdit? Edit(
        ConfigWorkspace workspace,
        MigrationRequest request,
        string clustersFile,
        string helmfileFile,
        Func<string, string?> variables
    )
    {
        var text = workspace.Read(clustersFile);
        var environments = ClustersFile.Parse(text, clustersFile);
        var environment = NameLookup.Find(
            environments,
            e => e.Name,
            request.Environment,
            $"--env {request.Environment}: {clustersFile} declares no such environment.",
            "Environments"
        );
        var target = NameLookup.Find(
            environment.Live,
            c => c.Name,
            request.To,
            $"--to {request.To}: not a live cluster of {environment.Name} in {clustersFile}.",
            "Live clusters"
        );
        var apps = AppCatalog.Load(
            workspace.Root,
            workspace.Root / helmfileFile,
            environment.Name,
            variables
        );
        var app = AppCatalog.Find(apps, request.App, environment.Name);
        var old = environment
            .Live.Where(c => c.Name != target.Name && app.TouchesCluster(c))
            .ToList();
        var edits = CarriesEdits
            .StartCarrying(target, app)
            .Concat(request.KeepOnOld ? [] : old.SelectMany(c => CarriesEdits.StopCarrying(c, app)))
            .ToList();
        if (edits.Count == 0)
        {
            return null;
        }
        var after = ClustersYamlEditor.Apply(text, clustersFile, edits);
        Verify(after, clustersFile, app, target, request.KeepOnOld ? [] : old);
        workspace.Write(clustersFile, after);
        var leaving = request.KeepOnOld ? [] : old.Select(c => c.Name).ToList();
        return new ConfigEdit(
            $"MigrateApp: {app.Name} to {target.Name} in {environment.Name}",
            $"Moves app {app.Name} (releases {string.Join(", ", app.Releases.Select(r => r.Name))}) to {target.Name} "
                + $"(Kubernetes {target.KubernetesVersion}) in {clustersFile}."
                + (
                    leaving.Count > 0 ? $" {string.Join(", ", leaving)} stops carrying it."
                    : request.KeepOnOld && old.Count > 0
                        ? $" {string.Join(", ", old.Select(c => c.Name))} keeps it too (parallel run)."
                    : ""
                )
                + $"\n\nThe next Sync --prune of {environment.Name} applies it."
        )
        {
            Labels = ["migrate-app"],
        };
    }

    /// <summary>Reads the edited file back: the target carries the whole app, the old clusters none of it.</summary>
    private static void Verify(
        string text,
        string file,
        AppReleases app,
        ClusterDefinition target,
        IReadOnlyList<ClusterDefinition> leaving
    )
    {
        var clusters = ClustersFile
            .Parse(text, file)
            .SelectMany(e => e.Clusters)
            .ToDictionary(c => c.Name);
        if (
            !app.RunsOn(clusters[target.Name])
            || leaving.Any(c => app.TouchesCluster(clusters[c.Name]))
        )
        {
            throw new InvalidOperationException(
                $"The carries edit for {app.Name} did not read back as intended in {file}; nothing was committed."
            );
        }
    }
}
