using Pipelines.Engine;
using Pipelines.GoTemplates;
using Pipelines.Helmfile.State;
using Pipelines.Yaml.Data;

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
    /// <summary>For each state, tells which <c>.gotmpl</c> files drew on a state value resolved from a reference.</summary>
    public Func<DeclaredState, SecretProvenance> ProvenanceOf { get; init; } =
        _ => SecretProvenance.None;

    /// <summary>helmfile template's --values and --set, layered after every release's own values and set entries.</summary>
    public TemplateFlags Flags { get; init; } = new();

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
                if (Hcl.HclValuesFile.IsHcl(path.Name))
                {
                    throw Hcl.HclValuesFile.NotForReleases(source, file.DeclaredIn, release.Name);
                }
                text = await File.ReadAllTextAsync(path, cancellationToken);
                if (path.Name.EndsWith(".gotmpl", StringComparison.Ordinal))
                {
                    // helmfile renders values templates with the state file's directory as basePath.
                    var template = GoTemplate.Parse(text, source);
                    var context = templates with
                    {
                        BaseDirectory = (root / file.DeclaredIn).Parent!,
                    };
                    var rendered = template.Execute(
                        TemplateData.ForRelease(state, release, kubeContext),
                        context
                    );
                    text = rendered.Text;
                    deterministic &= rendered.Deterministic;
                    secrets |= ProvenanceOf(state)
                        .DependsOn(
                            text,
                            values =>
                                template.Render(
                                    TemplateData.ForRelease(state, release, kubeContext, values),
                                    context
                                )
                        );
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
            files.Add(
                original ?? await WriteAsync(scratch, $"{index:D2}", text, cancellationToken)
            );
        }
        foreach (var value in Flags.Values)
        {
            // helmfile passes them to helm as they are (never templated), read from the state file's folder.
            var path = AbsolutePath.Create(value, (root / state.StateFile).Parent!);
            if (!path.FileExists)
            {
                throw new Failures.UsageException(
                    $"--values file '{value}' does not exist ({path}). Relative paths are read from the state file's "
                        + "folder, as helmfile reads them."
                );
            }
            contents.Add(await File.ReadAllTextAsync(path, cancellationToken));
            files.Add(path);
        }
        // Last, so set entries win as --set wins over -f (the flags' after the release's own); never on helm's command line.
        foreach (
            var (sets, name) in new (IReadOnlyList<SetValue>, string)[]
            {
                (release.Set, "set"),
                (Flags.SetEntries(), "set-flags"),
            }
        )
        {
            if (sets.Count > 0)
            {
                var set = YamlData.ToYaml(
                    SetValues.ToValues(
                        sets,
                        release.Name,
                        name == "set" ? release.DeclaredIn : "--set"
                    )
                );
                contents.Add(set);
                files.Add(await WriteAsync(scratch, name, set, cancellationToken));
            }
        }
        return new Prepared(files, contents, secrets, deterministic);
    }

    /// <summary>Owner-only from its creation on: the file may hold resolved secrets. The caller deletes the folder.</summary>
    private static async Task<string> WriteAsync(
        AbsolutePath scratch,
        string suffix,
        string text,
        CancellationToken cancellationToken
    )
    {
        Directory.CreateDirectory(scratch);
        var path = scratch / $"values-{suffix}.yaml";
        await AtomicFile.WriteAllTextAsync(
            path,
            text,
            UnixFileMode.UserRead | UnixFileMode.UserWrite,
            cancellationToken
        );
        return path;
    }
}
