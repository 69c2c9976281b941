using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.GoTemplates.Execution;
using Pipelines.Helmfile.Manifests;
using Pipelines.Helmfile.State;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.Patches;

/// <summary>
/// Applies a release's patches to the objects helm rendered, in kustomize's order: every <c>jsonPatches</c> entry
/// to the objects its target selects, every <c>strategicMergePatches</c> entry to the one object it names, then
/// the transformers. Objects keep helm's order and their <c># Source:</c> template; an object a patch changed is
/// written back as YAML with sorted keys, any other exactly as helm printed it.
/// </summary>
internal static class ReleasePatcher
{
    /// <exception cref="SourceLocatedException">A patch does not apply; the message names release, patch and object.</exception>
    public static IReadOnlyList<ManifestObject> Apply(
        ReleaseSpec release,
        ReleasePatches patches,
        IReadOnlyList<ManifestObject> objects
    )
    {
        if (patches.IsEmpty)
        {
            return objects;
        }
        try
        {
            if (objects.FirstOrDefault(o => !o.IsKubernetesObject) is { } document)
            {
                throw new PatchFailure(
                    $"{document.SourceTemplate}: {document.NotAnObject}. helmfile hands a release with jsonPatches, "
                        + "strategicMergePatches or transformers to kustomize, which accepts Kubernetes objects only."
                );
            }
            var working = objects.Select(o => new PatchedObject(o)).ToList();
            patches.Json.ToList().ForEach(patch => ApplyJson(release, patch, working));
            patches.StrategicMerge.ToList().ForEach(patch => ApplyStrategicMerge(patch, working));
            foreach (var transformer in patches.Transformers)
            {
                transformer.Transform(working.Where(w => !w.Deleted).ToList());
            }
            return working
                .Where(w => !w.Deleted)
                .Select(w => Rebuild(w, release.Namespace))
                .ToList();
        }
        catch (PatchFailure failure)
        {
            throw new SourceLocatedException(
                $"{release.DeclaredIn}: release '{release.Name}': {failure.Message}",
                release.DeclaredIn
            );
        }
    }

    private static void ApplyJson(
        ReleaseSpec release,
        JsonPatchSpec patch,
        List<PatchedObject> working
    )
    {
        var targets = working.Where(w => !w.Deleted && patch.Target.Matches(w.Current)).ToList();
        if (targets.Count == 0)
        {
            // kustomize applies such a patch to nothing without a word; say it, and render as helmfile renders.
            Log.Warning(
                $"release {release.Name}: {patch.Origin} selects no object ({patch.Target}); like helmfile, it changes nothing.",
                release.DeclaredIn
            );
        }
        foreach (var target in targets)
        {
            try
            {
                target.Data =
                    JsonPatch.Apply(target.Data, patch.Operations) as Dictionary<string, object?>
                    ?? throw new PatchFailure(
                        "the result is not a mapping, so no longer a Kubernetes object."
                    );
            }
            catch (PatchFailure failure)
            {
                throw new PatchFailure($"{patch.Origin} on {target}: {failure.Message}");
            }
            if (target.ApiVersion.Length == 0 || target.Kind.Length == 0 || target.Name.Length == 0)
            {
                throw new PatchFailure(
                    $"{patch.Origin} on {target.Original.Kind} {target.Original.Name} ({target.Original.SourceTemplate}): "
                        + "the result has no apiVersion, kind or metadata.name, so it is no longer a Kubernetes object."
                );
            }
        }
    }

    private static void ApplyStrategicMerge(
        StrategicMergePatchSpec patch,
        List<PatchedObject> working
    )
    {
        var matches = working
            .Where(w =>
                !w.Deleted
                && w.ApiVersion == patch.ApiVersion
                && w.Kind == patch.Kind
                && w.Name == patch.Name
                && ObjectIdentity.EffectiveNamespace(w.Current) == patch.Namespace
            )
            .ToList();
        if (matches.Count != 1)
        {
            var sameKind = working.Where(w => !w.Deleted && w.Kind == patch.Kind).ToList();
            throw new PatchFailure(
                $"{patch.Origin} targets {patch}, "
                    + (
                        matches.Count == 0
                            ? "which this release does not render"
                            : $"which it renders {matches.Count} times"
                    )
                    + "; kustomize patches exactly one object by apiVersion, kind, name and namespace (default when "
                    + "the YAML sets none). "
                    + (
                        sameKind.Count == 0
                            ? $"The release renders no {patch.Kind}."
                            : $"Its {patch.Kind} objects: {string.Join(", ", sameKind.Select(w => $"{w.Name} ({w.ApiVersion}, namespace {ObjectIdentity.EffectiveNamespace(w.Current)})"))}."
                    )
            );
        }
        var target = matches[0];
        var (group, _) = ObjectIdentity.GroupVersion(target.ApiVersion);
        try
        {
            var merged = new StrategicMerge(target.Kind, ResourceScope.IsBuiltInGroup(group)).Apply(
                target.Data,
                patch.Patch
            );
            if (merged is null)
            {
                target.Deleted = true;
                return;
            }
            // kustomize keeps the identity of the object it patched.
            merged["apiVersion"] = target.Data["apiVersion"];
            merged["kind"] = target.Data["kind"];
            var before = ObjectIdentity.Metadata(target.Data);
            if (merged.GetValueOrDefault("metadata") is Dictionary<string, object?> metadata)
            {
                metadata["name"] = before["name"];
                metadata.Remove("namespace");
                if (before.TryGetValue("namespace", out var ns))
                {
                    metadata["namespace"] = ns;
                }
            }
            target.Data = merged;
        }
        catch (PatchFailure failure)
        {
            throw new PatchFailure($"{patch.Origin} on {target}: {failure.Message}");
        }
    }

    private static ManifestObject Rebuild(PatchedObject patched, string? releaseNamespace)
    {
        if (GoValues.DeepEqual(patched.Data, patched.Original.Data))
        {
            return patched.Original;
        }
        var ns = ResourceScope.IsClusterScoped(patched.ApiVersion, patched.Kind)
            ? null
            : ObjectIdentity.Metadata(patched.Data).GetValueOrDefault("namespace") as string
                ?? (string.IsNullOrEmpty(releaseNamespace) ? "default" : releaseNamespace);
        return new ManifestObject(
            patched.ApiVersion,
            patched.Kind,
            ns,
            patched.Name,
            patched.Original.SourceTemplate,
            YamlData.ToYaml(patched.Data).TrimEnd('\n'),
            patched.Data
        );
    }
}
