using Pipelines.ConfigRepo;
using Pipelines.Engine;
using Pipelines.Tests.Engine;
using Pipelines.TestServers;

namespace Pipelines.Tests.ConfigRepo;

/// <summary>
/// A build root with the repository's helmfile/ (so --env is checked as in the real build) and a real bare config
/// repo seeded with the same helmfile/ plus the values files of any extra apps a test asks for.
/// </summary>
internal sealed class BumpWorkspace : IDisposable
{
    public const string Digest1 =
        "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    public const string Digest2 =
        "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    public const string Repository = "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/web";

    private readonly BuildHarness _harness = new();

    private BumpWorkspace(BareConfigRepo repo) => Repo = repo;

    public BareConfigRepo Repo { get; }

    public AbsolutePath Root => _harness.Root;

    public Dictionary<string, string> Environment => _harness.Environment;

    public static async Task<BumpWorkspace> CreateAsync(
        IReadOnlyDictionary<string, string>? extraFiles = null
    )
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var helmfile = Path.Combine(RepositoryRoot.Path, "helmfile");
        foreach (var file in Directory.EnumerateFiles(helmfile, "*", SearchOption.AllDirectories))
        {
            files["helmfile/" + Path.GetRelativePath(helmfile, file)] = File.ReadAllText(file);
        }
        foreach (var (path, text) in extraFiles ?? new Dictionary<string, string>())
        {
            files[path] = text;
        }
        var workspace = new BumpWorkspace(await BareConfigRepo.CreateAsync(files));
        foreach (
            var (path, text) in files.Where(f =>
                f.Key.StartsWith("helmfile/", StringComparison.Ordinal)
            )
        )
        {
            var target = workspace.Root / path;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text);
        }
        return workspace;
    }

    /// <summary>An app's values file with the usual image block, for apps beyond the repository's web.</summary>
    public static KeyValuePair<string, string> AppValues(
        string app,
        string env,
        string tag = "old"
    ) =>
        new(
            $"helmfile/values/apps/{app}/{env}.yaml",
            $"# {app} in {env}\nimage:\n  repository: {Repository}\n  tag: \"{tag}\"\n  digest: \"{Digest1}\"\n"
        );

    public static string Image(string tag, string digest = Digest2) =>
        $"{Repository}:{tag}@{digest}";

    public Task<BuildResult<BumpBuild>> BumpAsync(params string[] args) =>
        BumpFromAsync(Repo.Path, args);

    /// <summary>BumpK8sConfig with <paramref name="configRepo"/> as <c>--config-repo</c>.</summary>
    public Task<BuildResult<BumpBuild>> BumpFromAsync(string configRepo, params string[] args) =>
        _harness.RunAsync(new BumpBuild(), ["BumpK8sConfig", "--config-repo", configRepo, .. args]);

    /// <summary>Runs a build of the test's own in this root (AddApp, say), against the same config repo.</summary>
    public Task<BuildResult<TBuild>> RunAsync<TBuild>(TBuild build, params string[] args)
        where TBuild : PipelineBuild =>
        _harness.RunAsync(build, [.. args, "--config-repo", Repo.Path]);

    public void Dispose()
    {
        _harness.Dispose();
        Repo.Dispose();
    }
}

/// <summary>The smallest build with the component, as build/Build.ConfigRepo.cs composes it.</summary>
internal sealed class BumpBuild : PipelineBuild, IBumpK8sConfig;
