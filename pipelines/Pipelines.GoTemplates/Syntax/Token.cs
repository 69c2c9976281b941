namespace Pipelines.GoTemplates.Syntax;

internal enum TokenKind
{
    Text,
    LeftDelim,
    RightDelim,
    Identifier,
    Keyword,
    Field,
    Variable,
    Dot,
    String,
    Number,
    Char,
    Bool,
    Nil,
    LeftParen,
    RightParen,
    Pipe,
    Declare,
    Assign,
    Comma,
    EndOfFile,
}

/// <summary>
/// One lexeme. <paramref name="Text"/> is the source spelling; <paramref name="Value"/> the decoded text of
/// strings and plain text. <paramref name="SpaceBefore"/> matters because Go separates arguments by spaces:
/// <c>(x).Field</c> is a chain, <c>(x) .Field</c> two arguments.
/// </summary>
internal sealed record Token(
    TokenKind Kind,
    string Text,
    SourcePosition Position,
    bool SpaceBefore = false,
    string? Value = null
)
{
    public string Describe() =>
        Kind switch
        {
            TokenKind.EndOfFile => "end of input",
            TokenKind.RightDelim => "'}}'",
            TokenKind.LeftDelim => "'{{'",
            TokenKind.Text => "text",
            _ => $"'{Text}'",
        };
}
