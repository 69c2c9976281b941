using System.Globalization;
using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Images;

/// <summary>
/// Everything BuildImage and PushImage derive from the parameters and git, checked once: the app's context and
/// Dockerfile, build arguments, tags and labels. Both targets compute it the same way, so they share no state.
/// </summary>
internal sealed partial record ImageRequest(
    string Name,
    AbsolutePath Context,
    AbsolutePath Dockerfile,
    IReadOnlyList<KeyValuePair<string, string>> BuildArgs,
    IReadOnlyList<string> Tags,
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    GitRevision Revision
)
{
    /// <summary>The name the builder keeps the image under locally, before a registry is known.</summary>
    public string LocalRepository => $"localhost/pipelines/{Name}";

    public string LocalReference => $"{LocalRepository}:{Tags[0]}";

    /// <summary>
    /// The Dockerfile builds FROM <c>${BASE_IMAGE}</c>, none was given and the registry is local: BuildImage
    /// builds the sample base first and passes it (see <see cref="SampleBase"/>).
    /// </summary>
    public bool BuildsSampleBase { get; init; }

    /// <summary>The same request with one more build argument.</summary>
    public ImageRequest WithBuildArg(string key, string value) =>
        this with
        {
            BuildArgs = [.. BuildArgs, new(key, value)],
            BuildsSampleBase = false,
        };

    public static async Task<ImageRequest> ResolveAsync(IContainerImage build, CancellationToken ct)
    {
        var (name, context) = ResolveApp(build);
        var dockerfile = build.Dockerfile ?? context / "Dockerfile";
        if (!dockerfile.FileExists)
        {
            throw new UsageException(
                $"No Dockerfile at {dockerfile}. Pass --dockerfile, or add one to {context}."
            );
        }
        var buildArgs = build.BuildArg.Select(ParseBuildArg).ToList();
        var missing = MissingFromArgument(dockerfile, buildArgs);
        var buildsSampleBase =
            missing == SampleBase.Argument && RegistryTarget.Parse(build.Registry).IsLocal;
        if (missing is not null && !buildsSampleBase)
        {
            throw new UsageException(
                $"{dockerfile} builds FROM ${{{missing}}}, which has no default: pass --build-arg {missing}=<image> "
                    + "(for samples/web, the busybox base: see samples/base/Dockerfile)."
            );
        }
        var revision = await GitRevision.ReadAsync(build.RootDirectory, ct);
        List<string> tags = [revision.ShortSha];
        if (revision.Version is not null)
        {
            tags.Add(revision.Version);
        }
        foreach (var tag in build.Tag)
        {
            if (!TagPattern().IsMatch(tag))
            {
                throw new UsageException(
                    $"--tag '{tag}' is not a valid image tag: letters, digits, _ . - (not first), at most 128."
                );
            }
        }
        tags.AddRange(build.Tag.Where(t => !tags.Contains(t)));
        return new ImageRequest(
            name,
            context,
            dockerfile,
            buildArgs,
            tags,
            LabelsFor(name, revision),
            revision
        )
        {
            BuildsSampleBase = buildsSampleBase,
        };
    }

    /// <summary>The apps under samples/: folders holding a Dockerfile.</summary>
    public static IReadOnlyList<string> ValidApps(AbsolutePath root)
    {
        var samples = root / "samples";
        return samples.DirectoryExists
            ?
            [
                .. Directory
                    .EnumerateDirectories(samples)
                    .Where(d => File.Exists(Path.Combine(d, "Dockerfile")))
                    .Select(Path.GetFileName)
                    .OfType<string>()
                    .Order(StringComparer.Ordinal),
            ]
            : [];
    }

    private static (string Name, AbsolutePath Context) ResolveApp(IContainerImage build)
    {
        var app = build.App;
        var valid = ValidApps(build.RootDirectory);
        if (valid.Contains(app))
        {
            return (app, build.RootDirectory / "samples" / app);
        }
        var looksLikePath = app.Contains('/') || app.StartsWith('.');
        var path = AbsolutePath.Create(app, Directory.GetCurrentDirectory());
        if (looksLikePath && path.DirectoryExists)
        {
            var name = RepositoryName().Replace(path.Name.ToLowerInvariant(), "-").Trim('-', '.');
            if (name.Length == 0)
            {
                throw new UsageException(
                    $"--app {app}: cannot derive an image name from the folder."
                );
            }
            return (name, path);
        }
        var suggestion = Suggestions.Closest(app, valid);
        throw new UsageException(
            $"Unknown app '{app}'."
                + (suggestion is null ? "" : $" Did you mean '{suggestion}'?")
                + $" Valid: {(valid.Count == 0 ? "(none)" : string.Join(", ", valid))}"
                + " (folders with a Dockerfile under samples/), or a path to a build context."
        );
    }

    /// <summary>
    /// An <c>ARG</c> without a default that a <c>FROM</c> uses must be given, or the builder fails obscurely:
    /// the first such argument that was not, or null.
    /// </summary>
    private static string? MissingFromArgument(
        AbsolutePath dockerfile,
        List<KeyValuePair<string, string>> buildArgs
    )
    {
        var lines = File.ReadAllLines(dockerfile).Select(l => l.Trim()).ToList();
        var from = lines.FindIndex(l => l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase));
        if (from < 0)
        {
            return null;
        }
        foreach (var line in lines.Take(from))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (
                parts is ["ARG" or "arg", var name]
                && !name.Contains('=', StringComparison.Ordinal)
                && (
                    lines[from].Contains($"${{{name}}}", StringComparison.Ordinal)
                    || lines[from].Contains($"${name}", StringComparison.Ordinal)
                )
                && buildArgs.All(a => a.Key != name)
            )
            {
                return name;
            }
        }
        return null;
    }

    private static KeyValuePair<string, string> ParseBuildArg(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new UsageException($"--build-arg '{argument}' must be KEY=VALUE.");
        }
        return new(argument[..equals], argument[(equals + 1)..]);
    }

    /// <summary>
    /// created is the commit time, not the wall clock: the same commit builds the same image, byte for byte,
    /// which is what lets PushImage recognise a repeated push as a no-op.
    /// </summary>
    private static List<KeyValuePair<string, string>> LabelsFor(string name, GitRevision revision)
    {
        List<KeyValuePair<string, string>> labels =
        [
            new("org.opencontainers.image.revision", revision.Sha),
            new(
                "org.opencontainers.image.created",
                revision.CommitTime.UtcDateTime.ToString(
                    "yyyy-MM-ddTHH:mm:ssZ",
                    CultureInfo.InvariantCulture
                )
            ),
            new("org.opencontainers.image.version", revision.Version ?? revision.ShortSha),
            new("org.opencontainers.image.title", name),
        ];
        if (revision.Source is not null)
        {
            labels.Add(new("org.opencontainers.image.source", revision.Source));
        }
        return labels;
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex("[^a-z0-9._-]+")]
    private static partial Regex RepositoryName();
}
