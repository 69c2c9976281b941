using System.Globalization;
using System.Text;
using Pipelines.Failures;

namespace Pipelines.Helmfile.Hcl;

/// <summary>
/// A recursive-descent parser for the HCL native syntax that helmfile's values files use: <c>values {}</c> and
/// <c>locals {}</c> blocks of attributes whose expressions are literals, strings and heredocs with <c>${}</c>
/// interpolation, tuples, objects, references, function calls, operators and conditionals. Constructs outside that
/// subset (for expressions, splats, template directives, other blocks) fail naming the construct and
/// <c>file:line:column</c>.
/// </summary>
internal sealed partial class HclParser
{
    private readonly string _text;
    private readonly string _file;
    private int _index;
    private int _line;
    private int _column;

    private HclParser(string text, string file, int line = 1, int column = 1)
    {
        (_text, _file, _line, _column) = (text, file, line, column);
    }

    public static IReadOnlyList<HclBlock> ParseFile(string text, string file) =>
        new HclParser(text, file).Body();

    private IReadOnlyList<HclBlock> Body()
    {
        var blocks = new List<HclBlock>();
        while (true)
        {
            SkipSpace();
            if (AtEnd)
            {
                return blocks;
            }
            var position = Position;
            var name =
                Identifier()
                ?? throw Error(
                    position,
                    $"unexpected '{Peek}': expected a values {{}} or locals {{}} block"
                );
            SkipSpace();
            if (Peek == '=')
            {
                throw Error(
                    position,
                    $"attribute '{name}' outside a block: helmfile reads attributes only inside values {{}} and locals {{}} blocks"
                );
            }
            if (Peek != '{')
            {
                throw Error(
                    position,
                    $"block '{name}' must be followed by '{{' (helmfile's values and locals blocks take no labels)"
                );
            }
            if (name is not ("values" or "locals"))
            {
                throw Error(
                    position,
                    $"unsupported block '{name}': helmfile reads only values {{}} and locals {{}} blocks"
                );
            }
            Advance();
            blocks.Add(new HclBlock(name, Attributes(name), position));
        }
    }

    private List<HclAttribute> Attributes(string block)
    {
        var attributes = new List<HclAttribute>();
        while (true)
        {
            SkipSpace();
            if (AtEnd)
            {
                throw Error(Position, $"the {block} block is not closed: '}}' expected");
            }
            if (Peek == '}')
            {
                Advance();
                return attributes;
            }
            var position = Position;
            var name =
                Identifier()
                ?? throw Error(
                    position,
                    $"unexpected '{Peek}': expected an attribute name in the {block} block"
                );
            SkipSpace();
            if (Peek == '{')
            {
                throw Error(
                    position,
                    $"nested block '{name}' in the {block} block: write an attribute instead ({name} = {{ ... }})"
                );
            }
            Expect('=');
            if (attributes.Any(a => a.Name == name))
            {
                throw Error(position, $"attribute '{name}' is defined twice in this {block} block");
            }
            attributes.Add(new HclAttribute(name, Expression(), position));
        }
    }

    private bool AtEnd => _index >= _text.Length;

    private char Peek => AtEnd ? '\0' : _text[_index];

    private char PeekAt(int offset) =>
        _index + offset < _text.Length ? _text[_index + offset] : '\0';

    private HclPosition Position => new(_line, _column);

    private void Advance()
    {
        if (_text[_index] == '\n')
        {
            (_line, _column) = (_line + 1, 1);
        }
        else
        {
            _column++;
        }
        _index++;
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (Peek != c)
        {
            throw Error(
                Position,
                AtEnd ? $"'{c}' expected at the end of the file" : $"'{c}' expected, found '{Peek}'"
            );
        }
        Advance();
    }

    /// <summary>Whitespace, newlines and the three comment forms.</summary>
    private void SkipSpace()
    {
        while (!AtEnd)
        {
            if (char.IsWhiteSpace(Peek))
            {
                Advance();
            }
            else if (Peek == '#' || (Peek == '/' && PeekAt(1) == '/'))
            {
                while (!AtEnd && Peek != '\n')
                {
                    Advance();
                }
            }
            else if (Peek == '/' && PeekAt(1) == '*')
            {
                var start = Position;
                Advance();
                Advance();
                while (!(Peek == '*' && PeekAt(1) == '/'))
                {
                    if (AtEnd)
                    {
                        throw Error(start, "the comment is not closed: '*/' expected");
                    }
                    Advance();
                }
                Advance();
                Advance();
            }
            else
            {
                return;
            }
        }
    }

    private string? Identifier()
    {
        if (AtEnd || !(char.IsLetter(Peek) || Peek == '_'))
        {
            return null;
        }
        var start = _index;
        while (!AtEnd && (char.IsLetterOrDigit(Peek) || Peek is '_' or '-'))
        {
            Advance();
        }
        return _text[start.._index];
    }

    private SourceLocatedException Error(HclPosition position, string message) =>
        new(
            $"{_file}:{position.Line}:{position.Column}: {message}",
            _file,
            position.Line,
            position.Column
        );

    private static double Number(string text) =>
        double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Utf32(string hex) =>
        char.ConvertFromUtf32(int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static void AppendLiteral(
        List<HclExpression> parts,
        StringBuilder literal,
        HclPosition position
    )
    {
        if (literal.Length > 0)
        {
            parts.Add(new HclLiteral(position, literal.ToString()));
            literal.Clear();
        }
    }
}
