using Pipelines.Tools;

namespace Pipelines.Tests.ConfigRepo;

/// <summary>
/// A real bare git repository in a temp folder, seeded with files in one initial commit on <c>main</c>: the config
/// repo as a CI job sees it. Read back with <c>git show</c> and <c>git log</c>, as a reviewer would.
/// </summary>
public sealed class BareConfigRepo : IDisposable
{
    private BareConfigRepo(string directory) => Directory_ = directory;

    private string Directory_ { get; }

    public string Path => System.IO.Path.Combine(Directory_, "config.git");

    public static async Task<BareConfigRepo> CreateAsync(IReadOnlyDictionary<string, string> files)
    {
        var repo = new BareConfigRepo(
            Directory.CreateTempSubdirectory("pipelines-config-repo-").FullName
        );
        var seed = System.IO.Path.Combine(repo.Directory_, "seed");
        Directory.CreateDirectory(seed);
        foreach (var (path, text) in files)
        {
            var full = System.IO.Path.Combine(seed, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, text);
        }
        await GitAsync(
            repo.Directory_,
            "init",
            "--quiet",
            "--bare",
            "--initial-branch=main",
            repo.Path
        );
        await GitAsync(seed, "init", "--quiet", "--initial-branch=main");
        await GitAsync(seed, "add", "--all");
        await GitAsync(
            seed,
            "-c",
            "user.name=seed",
            "-c",
            "user.email=seed@test",
            "commit",
            "--quiet",
            "-m",
            "Initial config"
        );
        await GitAsync(seed, "push", "--quiet", repo.Path, "main");
        return repo;
    }

    /// <summary>A file as committed on a branch (git's lines, each ending in a newline).</summary>
    public async Task<string> ShowAsync(string path, string branch = "main") =>
        (await GitAsync(Path, "show", $"{branch}:{path}")) + "\n";

    public async Task<IReadOnlyList<string>> SubjectsAsync(string branch = "main") =>
        (await GitAsync(Path, "log", "--format=%s", branch)).Split(
            '\n',
            StringSplitOptions.RemoveEmptyEntries
        );

    public async Task<string> MessageAsync(string branch = "main") =>
        await GitAsync(Path, "log", "-1", "--format=%B", branch);

    public async Task<bool> HasBranchAsync(string branch) =>
        (await GitAsync(Path, "branch", "--list", branch)).Length > 0;

    public static async Task<string> GitAsync(string directory, params string[] arguments)
    {
        var result = await ToolRunner.Default.RunAsync(
            ToolCommand.For("git").WithArguments(arguments).WithWorkingDirectory(directory),
            ToolOutput.Capture
        );
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"git {string.Join(' ', arguments)} failed: {result.StandardError}"
            );
        }
        return result.StandardOutput.TrimEnd('\n');
    }

    public void Dispose() => Directory.Delete(Directory_, recursive: true);
}
