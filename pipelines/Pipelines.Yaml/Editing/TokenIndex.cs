using YamlDotNet.Core;
using Tokens = YamlDotNet.Core.Tokens;

namespace Pipelines.Yaml.Editing;

/// <summary>
/// Positions of the tokens the parser's events do not carry: where a scalar's own text starts (an anchored
/// scalar's event starts at its anchor), the ':' after each key, the '-' before each block item, and anchors or tags.
/// </summary>
internal sealed class TokenIndex
{
    private readonly Dictionary<int, int> _scalarStartByEnd = [];
    private readonly List<int> _colons = [];
    private readonly List<int> _dashes = [];
    private readonly List<(int Start, int End)> _properties = [];
    private readonly Stack<Mark> _openFlows = [];

    /// <summary>Scans <paramref name="text"/>; throws the scanner's <see cref="YamlException"/> for broken input.</summary>
    public static TokenIndex Scan(string text)
    {
        var index = new TokenIndex();
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        try
        {
            index.Read(scanner);
        }
        catch (InvalidOperationException) when (index._openFlows.TryPeek(out var open))
        {
            // YamlDotNet's scanner gives up without a position on an unclosed '[' or '{' followed by a new key.
            throw new SyntaxErrorException(
                open,
                open,
                "This flow collection is never closed: add the missing ']' or '}'."
            );
        }
        catch (InvalidOperationException)
        {
            var at = scanner.CurrentPosition;
            throw new SyntaxErrorException(at, at, "The YAML scanner cannot continue here.");
        }
        return index;
    }

    private void Read(Scanner scanner)
    {
        while (scanner.MoveNext())
        {
            var token = scanner.Current!;
            var (start, end) = ((int)token.Start.Index, (int)token.End.Index);
            switch (token)
            {
                case Tokens.Scalar:
                    _scalarStartByEnd[end] = start;
                    break;
                case Tokens.Value:
                    _colons.Add(start);
                    break;
                case Tokens.BlockEntry:
                    _dashes.Add(start);
                    break;
                case Tokens.Anchor or Tokens.Tag:
                    _properties.Add((start, end));
                    break;
                case Tokens.FlowMappingStart or Tokens.FlowSequenceStart:
                    _openFlows.Push(token.Start);
                    break;
                case Tokens.FlowMappingEnd or Tokens.FlowSequenceEnd:
                    _openFlows.TryPop(out _);
                    break;
            }
        }
    }

    public int ScalarTokenStart(int end, int fallback) =>
        _scalarStartByEnd.TryGetValue(end, out var start) ? start : fallback;

    /// <summary>The ':' that follows a key ending at <paramref name="keyEnd"/>, or -1 (a flow key with no value).</summary>
    public int ColonAfter(int keyEnd, int before)
    {
        var at = FirstAtOrAfter(_colons, keyEnd);
        return at < _colons.Count && _colons[at] < before ? _colons[at] : -1;
    }

    /// <summary>The '-' introducing the block item whose node starts at <paramref name="itemStart"/>.</summary>
    public int DashBefore(int itemStart)
    {
        var at = FirstAtOrAfter(_dashes, itemStart) - 1;
        return at >= 0 ? _dashes[at] : -1;
    }

    /// <summary>Just past the last anchor or tag in [<paramref name="from"/>, <paramref name="before"/>), or -1.</summary>
    public int PropertiesEnd(int from, int before)
    {
        var end = -1;
        foreach (var (start, stop) in _properties)
        {
            if (start >= from && start < before)
            {
                end = Math.Max(end, stop);
            }
        }
        return end;
    }

    private static int FirstAtOrAfter(List<int> sorted, int value)
    {
        var found = sorted.BinarySearch(value);
        return found >= 0 ? found : ~found;
    }
}
