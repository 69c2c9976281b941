using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pipelines.GitHubActions.Writing;

/// <summary>
/// Writes a <see cref="YamlNode"/> tree through YamlDotNet's emitter: block style throughout, two-space indent,
/// sequences indented under their key, no line folding, <c>\n</c> line ends. The same tree always gives the same
/// bytes. The emitter checks every scalar against the style asked for, so a wrong choice fails here, not on GitHub.
/// </summary>
internal static class YamlWriter
{
    public static string Write(YamlMapping root, IReadOnlyList<string> headerComment)
    {
        var text = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(
            text,
            new EmitterSettings(
                bestIndent: 2,
                bestWidth: int.MaxValue,
                isCanonical: false,
                maxSimpleKeyLength: 1024,
                newLine: "\n",
                indentSequences: true
            )
        );
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        foreach (var line in headerComment)
        {
            emitter.Emit(new Comment(line, isInline: false));
        }
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(IEmitter emitter, YamlNode node)
    {
        switch (node)
        {
            case YamlScalar scalar:
                var style = scalar.IsText ? ScalarStyles.For(scalar.Value) : ScalarStyle.Plain;
                emitter.Emit(
                    new Scalar(
                        null,
                        null,
                        scalar.Value,
                        style,
                        isPlainImplicit: true,
                        isQuotedImplicit: true
                    )
                );
                if (scalar.Comment is not null)
                {
                    emitter.Emit(new Comment(scalar.Comment, isInline: true));
                }
                break;
            case YamlSequence sequence:
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
                foreach (var item in sequence.Items)
                {
                    Emit(emitter, item);
                }
                emitter.Emit(new SequenceEnd());
                break;
            case YamlMapping mapping:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var (key, value) in mapping.Entries)
                {
                    Emit(emitter, new YamlScalar(key));
                    Emit(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
        }
    }
}
