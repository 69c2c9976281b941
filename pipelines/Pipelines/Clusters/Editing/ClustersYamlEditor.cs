using Pipelines.Helmfile.Selection;
using Pipelines.Yaml.Editing;

namespace Pipelines.Clusters.Editing;

/// <summary>
/// Applies planned <see cref="ClustersYamlEdit"/>s to clusters.yaml with the comment-preserving YamlEditor, then
/// reads the result back with <see cref="ClustersFile"/>, so an edit that leaves the file invalid fails here, before
/// anything is written.
/// </summary>
internal static class ClustersYamlEditor
{
    public static string Apply(string text, string file, IEnumerable<ClustersYamlEdit> edits)
    {
        var editor = YamlEditor.Parse(text, file);
        foreach (var edit in edits)
        {
            editor = edit switch
            {
                SetScalar set => editor.SetScalar(YamlPath.Parse(set.Path), set.Value),
                AppendItem append => editor.AppendToSequence(
                    YamlPath.Parse(append.Path),
                    append.Value
                ),
                RemoveItem remove => RemoveSelector(editor, remove),
                RemoveKey key => editor.RemoveKey(YamlPath.Parse(key.Path)),
                AppendMapping mapping => editor.AppendMapping(
                    YamlPath.Parse(mapping.Path),
                    mapping.Entries
                ),
                _ => throw new ArgumentException($"Unknown edit {edit}.", nameof(edits)),
            };
        }
        ClustersFile.Parse(editor.Text, file);
        return editor.Text;
    }

    /// <summary>Removes the list items that read as the same selector, however they are spaced in the file.</summary>
    private static YamlEditor RemoveSelector(YamlEditor editor, RemoveItem remove)
    {
        var path = YamlPath.Parse(remove.Path);
        foreach (
            var item in editor
                .GetScalarSequence(path)
                .Where(i => ReleaseSelector.Parse(i).ToString() == remove.Value)
                .Distinct()
                .ToList()
        )
        {
            editor = editor.RemoveFromSequence(path, item);
        }
        return editor;
    }
}
