using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.GoTemplates;
using Pipelines.Helmfile.Patches.Transformers;
using Pipelines.Helmfile.State;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.Patches;

/// <summary>
/// Reads a release's patch entries as helmfile hands them to chartify: an inline mapping as it is; a path relative
/// to the state file read from disk (a <c>.gotmpl</c> file rendered with the release's template data first, as
/// helmfile renders values templates), honouring the release's <c>missingFileHandler</c>.
/// </summary>
internal sealed class PatchLoader(AbsolutePath root, TemplateContext templates)
{
    /// <exception cref="SourceLocatedException">A file is missing, a template fails, or an entry is malformed.</exception>
    public async Task<ReleasePatches> LoadAsync(
        DeclaredState state,
        ReleaseSpec release,
        string? kubeContext,
        CancellationToken cancellationToken
    )
    {
        if (release.Patches.IsEmpty)
        {
            return ReleasePatches.None;
        }
        var read = new Reader(this, state, release, kubeContext);
        try
        {
            var json = await read.DocumentsAsync(
                "jsonPatches",
                release.Patches.Json,
                cancellationToken
            );
            var merges = await read.DocumentsAsync(
                "strategicMergePatches",
                release.Patches.StrategicMerge,
                cancellationToken
            );
            var transformers = await read.DocumentsAsync(
                "transformers",
                release.Patches.Transformers,
                cancellationToken
            );
            return new ReleasePatches(
                json.Select(d => JsonPatchSpec.Parse(d.Document, d.Origin)).ToList(),
                merges.Select(d => StrategicMergePatchSpec.Parse(d.Document, d.Origin)).ToList(),
                transformers.Select(d => TransformerConfig.Parse(d.Document, d.Origin)).ToList()
            );
        }
        catch (PatchFailure failure)
        {
            throw new SourceLocatedException(
                $"{release.DeclaredIn}: release '{release.Name}': {failure.Message}",
                release.DeclaredIn
            );
        }
    }

    private sealed class Reader(
        PatchLoader loader,
        DeclaredState state,
        ReleaseSpec release,
        string? kubeContext
    )
    {
        private readonly AbsolutePath _directory = (loader.Root / release.DeclaredIn).Parent!;

        public async Task<List<(string Origin, object? Document)>> DocumentsAsync(
            string field,
            IReadOnlyList<object?> entries,
            CancellationToken cancellationToken
        )
        {
            var documents = new List<(string, object?)>();
            foreach (var (entry, index) in entries.Select((e, i) => (e, i)))
            {
                if (entry is not string path)
                {
                    documents.Add(($"{field} #{index + 1}", entry));
                    continue;
                }
                var file = AbsolutePath.Create(path, _directory);
                var shown = file.RelativeTo(loader.Root);
                var origin = $"{field} #{index + 1} ({shown})";
                if (!file.FileExists)
                {
                    MissingFiles.Handle(
                        release.MissingFileHandler,
                        shown,
                        $"{release.DeclaredIn} (release {release.Name}, {field})",
                        "patch file"
                    );
                    continue;
                }
                var text = await File.ReadAllTextAsync(file, cancellationToken);
                if (file.Name.EndsWith(".gotmpl", StringComparison.Ordinal))
                {
                    text = GoTemplate
                        .Parse(text, shown)
                        .Render(
                            TemplateData.ForRelease(state, release, kubeContext),
                            loader.Templates with
                            {
                                BaseDirectory = _directory,
                            }
                        );
                }
                var parsed = YamlData
                    .ParseDocuments(text, shown)
                    .Where(d => d is not null)
                    .ToList();
                if (field == "jsonPatches" && parsed.Count > 1)
                {
                    throw new PatchFailure(
                        $"{origin}: holds {parsed.Count} documents; chartify reads one entry (target and patch) per file."
                    );
                }
                documents.AddRange(
                    parsed.Select(
                        (d, n) => (parsed.Count > 1 ? $"{origin}, document {n + 1}" : origin, d)
                    )
                );
            }
            return documents;
        }
    }

    private AbsolutePath Root => root;

    private TemplateContext Templates => templates;
}
