using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Yaml.Editing;

namespace Pipelines.ConfigRepo.Onboarding;

/// <summary>
/// helmfile.yaml as its YAML documents (helmfile v1 keeps <c>environments:</c> and <c>releases:</c> in separate
/// ones). The YAML editor edits a single document, so each is edited on its own and the file is joined back byte
/// for byte around it. A <c>---</c> at column 0 always separates documents: block scalars are indented.
/// </summary>
internal sealed partial class HelmfileDocuments
{
    private readonly string[] _parts; // documents at even indexes, separators at odd ones
    private readonly string _file;

    private HelmfileDocuments(string[] parts, string file)
    {
        _parts = parts;
        _file = file;
    }

    public static HelmfileDocuments Split(string text, string file) =>
        new(Separator().Split(text), file);

    /// <summary>The editor of the document holding the top-level <paramref name="key"/>, and its index.</summary>
    public (int Index, YamlEditor Editor) Holding(string key)
    {
        for (var i = 0; i < _parts.Length; i += 2)
        {
            var editor = YamlEditor.Parse(_parts[i], _file);
            if (editor.Exists(YamlPath.Parse(key)))
            {
                return (i, editor);
            }
        }
        throw new UsageException(
            $"{_file}: no document has a top-level '{key}:'. AddApp needs helmfile's environments and releases."
        );
    }

    public HelmfileDocuments With(int index, YamlEditor editor)
    {
        var parts = (string[])_parts.Clone();
        parts[index] = editor.Text;
        return new HelmfileDocuments(parts, _file);
    }

    public string Text => string.Concat(_parts);

    [GeneratedRegex(@"(?m)(^---[ \t]*\r?\n)")]
    private static partial Regex Separator();
}
