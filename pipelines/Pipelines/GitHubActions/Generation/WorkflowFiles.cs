using Pipelines.Engine;
using Pipelines.GitHubActions.Model;
using Pipelines.GitHubActions.Writing;

namespace Pipelines.GitHubActions.Generation;

/// <summary>
/// The generated files of a build: one YAML file per declared workflow under <c>.github/workflows/</c>, plus
/// <c>docs/pipelines.md</c> with the Mermaid diagram of the same model (also kept in README.md's marked block), and
/// <c>docs/iam-trust-policies.md</c> with the trust policy of each environment's role. Writing is atomic per file; files that did
/// not change are left alone, and a generated workflow no longer declared is removed.
/// </summary>
public static class WorkflowFiles
{
    public const string WorkflowsDirectory = ".github/workflows";
    public const string DiagramFile = "docs/pipelines.md";

    /// <summary>A file as generation produces it, by path relative to the root.</summary>
    public sealed record GeneratedFile(string RelativePath, string Content);

    public static IReadOnlyList<Workflow> Declared(
        IGitHubWorkflows build,
        AbsolutePath clustersFile
    )
    {
        var workflows = build.Workflows(WorkflowContext.Load(build.RootDirectory, clustersFile));
        var duplicate = workflows.GroupBy(w => w.FileName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new BuildDefinitionException(
                $"Two workflows are declared as {duplicate.Key}; file names must be unique."
            );
        }
        return workflows;
    }

    public static IReadOnlyList<GeneratedFile> Generate(
        IGitHubWorkflows build,
        AbsolutePath clustersFile
    )
    {
        var declared = Declared(build, clustersFile);
        var catalog = BuildCatalog.Of(build);
        var files = declared
            .Select(w => new GeneratedFile(
                $"{WorkflowsDirectory}/{w.FileName}",
                WorkflowYaml.Write(WorkflowCompiler.Compile(w, catalog))
            ))
            .ToList();
        files.Add(new GeneratedFile(DiagramFile, MermaidDiagram.Document(declared)));
        files.Add(new GeneratedFile(TrustPolicies.File, TrustPolicies.Document(declared)));
        if (
            ReadmeDiagram.Apply(build.RootDirectory, MermaidDiagram.Flowchart(declared)) is
            { } readme
        )
        {
            files.Add(new GeneratedFile(ReadmeDiagram.File, readme));
        }
        return files;
    }

    /// <summary>Writes what changed; returns the relative paths written or removed.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        IGitHubWorkflows build,
        AbsolutePath clustersFile,
        CancellationToken cancellationToken
    )
    {
        var root = build.RootDirectory;
        var files = Generate(build, clustersFile);
        var changed = new List<string>();
        foreach (var file in files)
        {
            var path = root / file.RelativePath;
            if (
                path.FileExists
                && await File.ReadAllTextAsync(path, cancellationToken) == file.Content
            )
            {
                continue;
            }
            changed.Add(file.RelativePath);
            if (build.DryRun)
            {
                Log.Info($"[dry-run] would write {file.RelativePath}:\n{file.Content}");
                continue;
            }
            await AtomicFile.WriteAllTextAsync(path, file.Content, cancellationToken);
            Log.Info($"Wrote {file.RelativePath}");
        }
        foreach (var orphan in Orphans(root, files).Where(IsGenerated))
        {
            var relative = orphan.RelativeTo(root);
            changed.Add(relative);
            if (build.DryRun)
            {
                Log.Info($"[dry-run] would remove {relative}: generated, and no longer declared");
                continue;
            }
            File.Delete(orphan);
            Log.Info($"Removed {relative}: generated, and no longer declared");
        }
        return changed;
    }

    /// <summary>
    /// Every way the files on disk differ from generation: changed, missing, or a workflow that generation does not
    /// produce. Empty when up to date.
    /// </summary>
    public static IReadOnlyList<string> Staleness(IGitHubWorkflows build, AbsolutePath clustersFile)
    {
        var root = build.RootDirectory;
        var files = Generate(build, clustersFile);
        var problems = new List<string>();
        foreach (var file in files)
        {
            var path = root / file.RelativePath;
            if (!path.FileExists)
            {
                problems.Add($"{file.RelativePath} is missing");
            }
            else if (File.ReadAllText(path) != file.Content)
            {
                problems.Add($"{file.RelativePath} differs from what generation produces");
            }
        }
        problems.AddRange(
            Orphans(root, files)
                .Select(o =>
                    $"{o.RelativeTo(root)} is not generated (declare it in build/Build.Workflows*.cs, or delete it)"
                )
        );
        return problems;
    }

    private static IEnumerable<AbsolutePath> Orphans(
        AbsolutePath root,
        IReadOnlyList<GeneratedFile> files
    )
    {
        var directory = root / WorkflowsDirectory;
        if (!directory.DirectoryExists)
        {
            return [];
        }
        var expected = files.Select(f => (root / f.RelativePath).Value).ToHashSet();
        return Directory
            .EnumerateFiles(directory)
            .Where(f =>
                f.EndsWith(".yml", StringComparison.Ordinal)
                || f.EndsWith(".yaml", StringComparison.Ordinal)
            )
            .Where(f => !expected.Contains(f))
            .Order(StringComparer.Ordinal)
            .Select(f => AbsolutePath.Create(f));
    }

    private static bool IsGenerated(AbsolutePath path) =>
        File.ReadLines(path).FirstOrDefault() == "# " + WorkflowYaml.Header[0];
}
