namespace Pipelines.Yaml.Editing;

/// <summary>
/// The guard every edit passes before its text is handed out: the new text parses as a single document, its data
/// equals the old data with exactly the intended change (nothing else moved, re-typed or re-nested), and the edited
/// value reads back through the public API. A failure is a bug in the editor; the caller's file stays untouched.
/// </summary>
internal static class EditCheck
{
    public static YamlEditor Run(
        YamlDocument before,
        string text,
        string description,
        Func<object?, object?> change,
        Func<YamlEditor, string?> readBack
    )
    {
        YamlEditor after;
        try
        {
            after = YamlEditor.Parse(text, before.File);
        }
        catch (YamlEditException exception)
        {
            throw Bug(before.File, description, $"does not parse ({exception.Message})");
        }
        var expected = PlainData.Canonical(change(Root(before)));
        var actual = PlainData.Canonical(Root(after.Document));
        if (expected != actual)
        {
            throw Bug(before.File, description, "changes more than that edit");
        }
        if (readBack(after) is { } problem)
        {
            throw Bug(before.File, description, problem);
        }
        return after;
    }

    // An empty document reads as null whether or not it has a '---' line: both are the empty mapping edits start from.
    private static object Root(YamlDocument document) =>
        document.Root is ScalarNode { IsEmpty: true }
            ? new PlainData.Map()
            : PlainData.From(document.Root);

    private static YamlEditException Bug(string file, string description, string problem) =>
        new(
            $"{file}: internal error in the YAML editor: {description} produced text that {problem}. The file was not "
                + "changed. Make this edit by hand, and report the file so the editor can be fixed.",
            file
        );
}
