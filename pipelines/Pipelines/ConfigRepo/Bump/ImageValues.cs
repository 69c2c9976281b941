using Pipelines.Yaml.Editing;

namespace Pipelines.ConfigRepo.Bump;

/// <summary>
/// The image keys of one values file (<c>&lt;key&gt;.repository</c>, <c>.tag</c>, <c>.digest</c>), read and rewritten
/// in place: only the bytes of the scalars that change move; comments, order and quoting stay.
/// </summary>
internal sealed record ImageValues(string File, string Key)
{
    private YamlPath Path(string leaf) => YamlPath.Parse($"{Key}.{leaf}");

    /// <summary>The image the file pins now; null when it names no tag.</summary>
    public ImageReference? Read(ConfigWorkspace workspace)
    {
        if (!workspace.Exists(File))
        {
            return null;
        }
        var editor = YamlEditor.Parse(workspace.Read(File), File);
        return editor.GetScalar(Path("tag")) is { Length: > 0 } tag
            ? new ImageReference(
                editor.GetScalar(Path("repository")) ?? "",
                tag,
                editor.GetScalar(Path("digest")) is { Length: > 0 } digest ? digest : null
            )
            : null;
    }

    /// <summary>
    /// Writes the image's tag and digest (removing a stale digest when the image has none, since a digest outranks
    /// the tag), and the repository when the file names a different one. Returns the image the file held before, or
    /// null when it already pinned this image and nothing was written.
    /// </summary>
    public ImageChange? Write(ConfigWorkspace workspace, ImageReference image)
    {
        var text = workspace.Exists(File) ? workspace.Read(File) : "";
        var editor = YamlEditor.Parse(text, File);
        var before = Read(workspace);
        var repository = editor.GetScalar(Path("repository"));
        var repositoryMoves =
            image.Repository.Length > 0 && repository is not null && repository != image.Repository;
        if (before?.Tag == image.Tag && before.Digest == image.Digest && !repositoryMoves)
        {
            return null;
        }
        editor = editor.SetScalar(Path("tag"), image.Tag);
        editor = image.Digest is null
            ? editor.RemoveKey(Path("digest"))
            : editor.SetScalar(Path("digest"), image.Digest);
        if (repositoryMoves)
        {
            editor = editor.SetScalar(Path("repository"), image.Repository);
        }
        workspace.Write(File, editor.Text);
        return new ImageChange(File, before, image);
    }
}

/// <summary>One values file moved from one image to another.</summary>
internal sealed record ImageChange(string File, ImageReference? Before, ImageReference After);
