using System.Globalization;
using System.Text;
using Pipelines.Failures;

namespace Pipelines.Yaml.Editing;

/// <summary>Reads the text of a <see cref="YamlPath"/> left to right; every mistake names the character position.</summary>
internal sealed class YamlPathReader(string path, string syntax)
{
    private int _position;

    public IReadOnlyList<YamlPathSegment> ReadAll()
    {
        if (path.Length == 0)
        {
            throw Error("it is empty");
        }
        var segments = new List<YamlPathSegment>();
        while (_position < path.Length)
        {
            if (segments.Count > 0 && path[_position] == '.')
            {
                _position++;
                if (_position == path.Length)
                {
                    throw Error("it ends with a dot");
                }
            }
            segments.Add(
                path[_position] == '[' ? ReadBracket() : new YamlPathSegment.Key(ReadKey())
            );
        }
        return segments;
    }

    private string ReadKey()
    {
        var start = _position;
        while (_position < path.Length && path[_position] is not ('.' or '[' or ']'))
        {
            if (path[_position] is '"' or '\'')
            {
                throw Error("a quoted key must stand in brackets, as in [\"a.b\"]");
            }
            _position++;
        }
        if (_position < path.Length && path[_position] == ']')
        {
            throw Error("']' without a matching '['");
        }
        return _position == start ? throw Error("empty key") : path[start.._position];
    }

    private YamlPathSegment ReadBracket()
    {
        _position++;
        if (_position < path.Length && path[_position] is '"' or '\'')
        {
            var quoted = ReadQuoted();
            if (Peek() == '=')
            {
                _position++;
                return Close(new YamlPathSegment.Match(quoted, ReadMatchValue()));
            }
            return Close(new YamlPathSegment.Key(quoted));
        }
        var start = _position;
        while (_position < path.Length && path[_position] is not ('=' or ']'))
        {
            _position++;
        }
        var text = path[start.._position];
        if (Peek() == '=')
        {
            _position++;
            return text.Length == 0
                ? throw Error("[=value] needs a field name before '='")
                : Close(new YamlPathSegment.Match(text, ReadMatchValue()));
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw Error(
                $"'[{text}]' is neither an index nor field=value (a key in brackets must be quoted)"
            );
        }
        return Close(new YamlPathSegment.Index(index));
    }

    private string ReadMatchValue()
    {
        if (Peek() is '"' or '\'')
        {
            return ReadQuoted();
        }
        var start = _position;
        while (_position < path.Length && path[_position] != ']')
        {
            _position++;
        }
        return path[start.._position];
    }

    private string ReadQuoted()
    {
        var quote = path[_position++];
        var text = new StringBuilder();
        while (_position < path.Length && path[_position] != quote)
        {
            if (path[_position] == '\\' && _position + 1 < path.Length)
            {
                _position++;
            }
            text.Append(path[_position++]);
        }
        if (_position == path.Length)
        {
            throw Error($"unclosed {quote} quote");
        }
        _position++;
        return text.ToString();
    }

    private YamlPathSegment Close(YamlPathSegment segment)
    {
        if (Peek() != ']')
        {
            throw Error("expected ']'");
        }
        _position++;
        if (_position < path.Length && path[_position] is not ('.' or '['))
        {
            throw Error("expected '.' or '[' after ']'");
        }
        return segment;
    }

    private char? Peek() => _position < path.Length ? path[_position] : null;

    private UsageException Error(string problem) =>
        new(
            $"Invalid YAML path '{path}' at character {Math.Min(_position, path.Length) + 1}: {problem}. {syntax}"
        );
}
