namespace Pipelines.Helmfile.Hcl;

internal sealed partial class HclParser
{
    private static readonly string[][] BinaryLevels =
    [
        ["||"],
        ["&&"],
        ["==", "!="],
        ["<=", ">=", "<", ">"],
        ["+", "-"],
        ["*", "/", "%"],
    ];

    private HclExpression Expression()
    {
        var condition = Binary(0);
        SkipSpace();
        if (Peek != '?')
        {
            return condition;
        }
        Advance();
        var then = Expression();
        Expect(':');
        return new HclConditional(condition.Position, condition, then, Expression());
    }

    private HclExpression Binary(int level)
    {
        if (level == BinaryLevels.Length)
        {
            return Unary();
        }
        var left = Binary(level + 1);
        while (true)
        {
            SkipSpace();
            var op = BinaryLevels[level]
                .FirstOrDefault(o => string.CompareOrdinal(_text, _index, o, 0, o.Length) == 0);
            // Two-character operators are listed first, so "<=" is never read as "<".
            if (op is null)
            {
                return left;
            }
            var position = Position;
            foreach (var _ in op)
            {
                Advance();
            }
            left = new HclBinary(position, op, left, Binary(level + 1));
        }
    }

    private HclExpression Unary()
    {
        SkipSpace();
        if (Peek is '-' or '!')
        {
            var position = Position;
            var op = Peek.ToString();
            Advance();
            return new HclUnary(position, op, Unary());
        }
        return Postfix(Primary());
    }

    private HclExpression Postfix(HclExpression target)
    {
        while (true)
        {
            SkipSpace();
            var position = Position;
            if (Peek == '.' && !char.IsAsciiDigit(PeekAt(1)))
            {
                Advance();
                if (Peek == '*')
                {
                    throw Error(
                        position,
                        "splat expressions (.*) are not supported by the native renderer"
                    );
                }
                var name =
                    Identifier()
                    ?? throw Error(Position, "an attribute name is expected after '.'");
                // Errors point at the start of the reference (hv.name), as HCL's traversal ranges do.
                target = new HclAttributeAccess(target.Position, target, name);
            }
            else if (Peek == '.' && char.IsAsciiDigit(PeekAt(1)))
            {
                Advance();
                var start = _index;
                while (char.IsAsciiDigit(Peek))
                {
                    Advance();
                }
                target = new HclIndex(
                    position,
                    target,
                    new HclLiteral(position, Number(_text[start.._index]))
                );
            }
            else if (Peek == '[')
            {
                Advance();
                SkipSpace();
                if (Peek == '*')
                {
                    throw Error(
                        position,
                        "splat expressions ([*]) are not supported by the native renderer"
                    );
                }
                var key = Expression();
                Expect(']');
                target = new HclIndex(position, target, key);
            }
            else
            {
                return target;
            }
        }
    }

    private HclExpression Primary()
    {
        SkipSpace();
        var position = Position;
        switch (Peek)
        {
            case '"':
                Advance();
                return Template(position, closing: '"');
            case '<' when PeekAt(1) == '<':
                return Heredoc(position);
            case '(':
                Advance();
                var inner = Expression();
                Expect(')');
                return inner;
            case '[':
                Advance();
                return Tuple(position);
            case '{':
                Advance();
                return Object(position);
        }
        if (char.IsAsciiDigit(Peek))
        {
            var start = _index;
            while (char.IsAsciiDigit(Peek) || (Peek == '.' && char.IsAsciiDigit(PeekAt(1))))
            {
                Advance();
            }
            if (
                Peek is 'e' or 'E'
                && (
                    char.IsAsciiDigit(PeekAt(1))
                    || (PeekAt(1) is '+' or '-' && char.IsAsciiDigit(PeekAt(2)))
                )
            )
            {
                Advance();
                Advance();
                while (char.IsAsciiDigit(Peek))
                {
                    Advance();
                }
            }
            return new HclLiteral(position, Number(_text[start.._index]));
        }
        var name =
            Identifier()
            ?? throw Error(
                position,
                AtEnd
                    ? "an expression is expected at the end of the file"
                    : $"unexpected '{Peek}': an expression is expected"
            );
        switch (name)
        {
            case "true":
                return new HclLiteral(position, true);
            case "false":
                return new HclLiteral(position, false);
            case "null":
                return new HclLiteral(position, null);
        }
        SkipSpace();
        return Peek == '(' ? Call(position, name) : new HclVariable(position, name);
    }

    private HclExpression Call(HclPosition position, string name)
    {
        Advance();
        var arguments = new List<HclExpression>();
        var expand = false;
        while (true)
        {
            SkipSpace();
            if (Peek == ')')
            {
                Advance();
                return new HclCall(position, name, arguments, expand);
            }
            arguments.Add(Expression());
            SkipSpace();
            if (Peek == '.' && PeekAt(1) == '.' && PeekAt(2) == '.')
            {
                expand = true;
                Advance();
                Advance();
                Advance();
                SkipSpace();
            }
            if (Peek == ',')
            {
                Advance();
            }
            else if (Peek != ')')
            {
                throw Error(Position, $"',' or ')' expected in the arguments of {name}");
            }
        }
    }
}
