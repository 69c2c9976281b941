using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pipelines.Yaml.Editing;

/// <summary>
/// Turns YamlDotNet's parser events into <see cref="YamlNode"/>s that remember where every piece of text stands,
/// resolving aliases to their anchors as YAML does (the latest anchor of that name before the alias).
/// </summary>
internal sealed class YamlDocumentReader
{
    private readonly string _text;
    private readonly string _file;
    private readonly TextLayout _layout;
    private readonly TokenIndex _tokens;
    private readonly IParser _parser;
    private readonly Dictionary<string, YamlNode> _anchors = [];

    private YamlDocumentReader(string text, string file, TextLayout layout, TokenIndex tokens)
    {
        (_text, _file, _layout, _tokens) = (text, file, layout, tokens);
        _parser = new Parser(new StringReader(text));
    }

    public static YamlDocument Read(string text, string file)
    {
        var layout = new TextLayout(text);
        try
        {
            var reader = new YamlDocumentReader(text, file, layout, TokenIndex.Scan(text));
            return new YamlDocument(file, layout, reader.ReadStream());
        }
        catch (YamlException exception)
        {
            throw YamlSyntaxError.From(exception, layout, file);
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner gives up on some malformed input without a position.
            throw new YamlEditException(
                $"{file}: invalid YAML ({exception.Message}). Fix the file, then run the edit again.",
                file
            );
        }
    }

    private YamlNode? ReadStream()
    {
        _parser.Consume<StreamStart>();
        YamlNode? root = null;
        var documents = 0;
        while (!_parser.TryConsume<StreamEnd>(out _))
        {
            var start = _parser.Consume<DocumentStart>();
            if (++documents > 1)
            {
                throw Error(
                    (int)start.Start.Index,
                    "a second YAML document starts here ('---'). Edits need a file with a single document: "
                        + "split the documents into separate files, or edit this one by hand."
                );
            }
            root = ReadNode(YamlPath.Root);
            _parser.Consume<DocumentEnd>();
        }
        return root;
    }

    private YamlNode ReadNode(YamlPath path)
    {
        YamlNode node = _parser.Consume<ParsingEvent>() switch
        {
            Scalar scalar => ReadScalar(scalar, path),
            MappingStart mapping => ReadMapping(mapping, path),
            SequenceStart sequence => ReadSequence(sequence, path),
            AnchorAlias alias => ReadAlias(alias, path),
            var other => throw Error((int)other.Start.Index, $"unexpected {other.GetType().Name}."),
        };
        if (node.Anchor is { } anchor)
        {
            // Registered once the node is complete: an alias inside its own anchor (a cycle) reads as undefined.
            _anchors[anchor] = node;
        }
        return node;
    }

    private ScalarNode ReadScalar(Scalar scalar, YamlPath path)
    {
        var start = (int)scalar.Start.Index;
        var end = (int)scalar.End.Index;
        var tokenStart = _tokens.ScalarTokenStart(end, start);
        if (tokenStart < start)
        {
            // An empty value has no token of its own: the token ending here is its key's.
            tokenStart = end;
        }
        var contentEnd = end;
        if (
            scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded
            && !KeepsTrailingLines(tokenStart)
        )
        {
            // The parser's end of a block scalar lies past the blank lines that follow it.
            while (contentEnd > tokenStart + 1 && char.IsWhiteSpace(_text[contentEnd - 1]))
            {
                contentEnd--;
            }
        }
        return new ScalarNode(
            start,
            tokenStart,
            end,
            contentEnd,
            path,
            AnchorOf(scalar),
            scalar.Value,
            scalar.Style
        );
    }

    private bool KeepsTrailingLines(int headerStart)
    {
        for (
            var i = headerStart + 1;
            i < _text.Length && (_text[i] is '+' or '-' || char.IsAsciiDigit(_text[i]));
            i++
        )
        {
            if (_text[i] == '+')
            {
                return true;
            }
        }
        return false;
    }

    private MappingNode ReadMapping(MappingStart start, YamlPath path)
    {
        var entries = new List<MappingEntry>();
        while (!_parser.Accept<MappingEnd>(out _))
        {
            var key = ReadNode(path.Append(new YamlPathSegment.Key("?")));
            var keyText = (key as ScalarNode)?.Value ?? "?";
            var value = ReadNode(path.Append(new YamlPathSegment.Key(keyText)));
            entries.Add(
                new MappingEntry(
                    key,
                    value,
                    _tokens.ColonAfter(key.ContentEnd, Math.Max(value.Start, key.ContentEnd + 1))
                )
            );
        }
        var end = _parser.Consume<MappingEnd>();
        var isFlow = start.Style == MappingStyle.Flow;
        var nodeStart = (int)start.Start.Index;
        var close = isFlow ? (int)end.Start.Index : -1;
        return new MappingNode(
            nodeStart,
            isFlow ? close + 1 : entries[^1].Value.ContentEnd,
            path,
            AnchorOf(start),
            isFlow,
            entries,
            close,
            isFlow ? -1 : _tokens.PropertiesEnd(nodeStart, entries[0].Key.Start)
        );
    }

    private SequenceNode ReadSequence(SequenceStart start, YamlPath path)
    {
        var items = new List<SequenceItem>();
        var isFlow = start.Style == SequenceStyle.Flow;
        while (!_parser.Accept<SequenceEnd>(out _))
        {
            var item = ReadNode(path.Append(new YamlPathSegment.Index(items.Count)));
            items.Add(new SequenceItem(item, isFlow ? -1 : _tokens.DashBefore(item.Start)));
        }
        var end = _parser.Consume<SequenceEnd>();
        var nodeStart = (int)start.Start.Index;
        var close = isFlow ? (int)end.Start.Index : -1;
        return new SequenceNode(
            nodeStart,
            isFlow ? close + 1 : items[^1].Value.ContentEnd,
            path,
            AnchorOf(start),
            isFlow,
            items,
            close,
            isFlow ? -1 : _tokens.PropertiesEnd(nodeStart, items[0].Dash)
        );
    }

    private AliasNode ReadAlias(AnchorAlias alias, YamlPath path)
    {
        var start = (int)alias.Start.Index;
        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            throw Error(
                start,
                $"the alias *{alias.Value} refers to no anchor &{alias.Value} defined before it; define the anchor first."
            );
        }
        return new AliasNode(start, (int)alias.End.Index, path, alias.Value.Value, target);
    }

    private static string? AnchorOf(NodeEvent node) =>
        node.Anchor.IsEmpty ? null : node.Anchor.Value;

    private YamlEditException Error(int offset, string message)
    {
        var (line, column) = _layout.Position(offset);
        return new YamlEditException($"{_file}:{line}:{column}: {message}", _file, line, column);
    }
}
