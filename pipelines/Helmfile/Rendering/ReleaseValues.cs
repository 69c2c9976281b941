using Pipelines.Engine;
using Pipelines.Helmfile.State;
using Pipelines.Helmfile.Templates;
using Pipelines.Helmfile.Values;

namespace Pipelines.Helmfile.Rendering;

/// <summary>
/// Turns a release's <c>values:</c> list into the files helm reads, in order: plain files as they are, <c>.gotmpl</c>
/// files rendered with the release's template data, inline maps written out, and any <c>ref+awsssm://</c>
/// references resolved. Written files live in a private scratch folder that the caller deletes.
/// </summary>
internal sealed class ReleaseValues(
    AbsolutePath root,
    TemplateContext templates,
    ReferenceResolver? references
)
{
    /// <summary>
    /// Files in layering order, the texts that identify them for the cache, whether secrets are in them, and whether
    /// rendering them again gives the same text (false once a template called randAlphaNum, uuidv4, now or exec).
    /// </summary>
    public sealed record Prepared(
        IReadOnlyList<string> Files,
        IReadOnlyList<string> Contents,
        bool HoldsSecrets,
        bool Deterministic = true
    );

    public async Task<Prepared> PrepareAsync(
        DeclaredState state,
        ReleaseSpec release,
        string? kubeContext,
        AbsolutePath scratch,
        CancellationToken cancellationToken
    )
    {
        var files = new List<string>();
        var contents = new List<string>();
        var secrets = false;
        var deterministic = true;
        foreach (var (entry, index) in release.Values.Select((e, i) => (e, i)))
        {
            string text;
            string source;
            AbsolutePath? original = null;
            if (entry is ValuesFile file)
            {
                var path = AbsolutePath.Create(file.Path, (root / file.DeclaredIn).Parent!);
                source = path.RelativeTo(root);
                if (!path.FileExists)
                {
                    MissingFiles.Handle(
                        release.MissingFileHandler,
                        source,
                        $"{file.DeclaredIn} (release {release.Name})"
                    );
                    continue;
                }
                text = await File.ReadAllTextAsync(path, cancellationToken);
                if (path.Name.EndsWith(".gotmpl", StringComparison.Ordinal))
                {
                    // helmfile renders values templates with the state file's directory as basePath.
                    var rendered = GoTemplate
                        .Parse(text, source)
                        .Execute(
                            TemplateData.ForRelease(state, release, kubeContext),
                            templates with
                            {
                                BaseDirectory = (root / file.DeclaredIn).Parent!,
                            }
                        );
                    text = rendered.Text;
                    deterministic &= rendered.Deterministic;
                }
                else
                {
                    original = path;
                }
            }
            else
            {
                source = $"{entry.DeclaredIn} (release {release.Name}, inline values #{index + 1})";
                text = YamlData.ToYaml(((InlineValues)entry).Values);
            }
            if (text.Contains(ReferenceResolver.Marker, StringComparison.Ordinal))
            {
                var data = YamlData.ParseMapping(text, source);
                if (ReferenceResolver.Contains(data))
                {
                    var resolved = await ReferenceResolver.ResolveIfAnyAsync(
                        references,
                        data,
                        source,
                        cancellationToken
                    );
                    text = YamlData.ToYaml(resolved);
                    secrets = true;
                    original = null;
                }
            }
            contents.Add(text);
            files.Add(original ?? await WriteAsync(scratch, index, text, cancellationToken));
        }
        return new Prepared(files, contents, secrets, deterministic);
    }

    private static async Task<string> WriteAsync(
        AbsolutePath scratch,
        int index,
        string text,
        CancellationToken cancellationToken
    )
    {
        Directory.CreateDirectory(scratch);
        var path = scratch / $"values-{index:D2}.yaml";
        await File.WriteAllTextAsync(path, text, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite); // may hold resolved secrets
        }
        return path;
    }
}
