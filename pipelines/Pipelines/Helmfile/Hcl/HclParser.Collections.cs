namespace Pipelines.Helmfile.Hcl;

// Tuple and object literals, where a `for` expression (which this subset refuses) would also start.
internal sealed partial class HclParser
{
    private HclExpression Tuple(HclPosition position)
    {
        RefuseFor(position);
        var items = new List<HclExpression>();
        while (true)
        {
            SkipSpace();
            if (Peek == ']')
            {
                Advance();
                return new HclTuple(position, items);
            }
            items.Add(Expression());
            SkipSpace();
            if (Peek == ',')
            {
                Advance();
            }
            else if (Peek != ']')
            {
                throw Error(
                    Position,
                    AtEnd
                        ? "the list is not closed: ']' expected"
                        : $"',' or ']' expected, found '{Peek}'"
                );
            }
        }
    }

    private HclExpression Object(HclPosition position)
    {
        RefuseFor(position);
        var items = new List<(HclExpression, HclExpression)>();
        while (true)
        {
            SkipSpace();
            if (Peek == '}')
            {
                Advance();
                return new HclObject(position, items);
            }
            var keyPosition = Position;
            HclExpression key =
                Peek == '"' || Peek == '('
                    ? Primary()
                    : new HclLiteral(
                        keyPosition,
                        Identifier()
                            ?? throw Error(
                                keyPosition,
                                AtEnd
                                    ? "the object is not closed: '}' expected"
                                    : $"unexpected '{Peek}': an object key is expected"
                            )
                    );
            SkipSpace();
            if (Peek is not ('=' or ':'))
            {
                throw Error(Position, "'=' or ':' expected after an object key");
            }
            Advance();
            items.Add((key, Expression()));
            SkipSpace();
            if (Peek == ',')
            {
                Advance();
            }
        }
    }

    private void RefuseFor(HclPosition position)
    {
        SkipSpace();
        if (string.CompareOrdinal(_text, _index, "for", 0, 3) == 0 && char.IsWhiteSpace(PeekAt(3)))
        {
            throw Error(position, "for expressions are not supported by the native renderer");
        }
    }
}
