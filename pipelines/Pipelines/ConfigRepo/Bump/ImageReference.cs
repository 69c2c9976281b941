using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Images;

namespace Pipelines.ConfigRepo.Bump;

/// <summary>An image as the config pins it: repository, tag and (by default) digest.</summary>
internal sealed partial record ImageReference(string Repository, string Tag, string? Digest)
{
    /// <summary><c>repo:tag@sha256:&lt;64 hex&gt;</c> or <c>repo:tag</c>; the repository may carry a registry port.</summary>
    public static ImageReference Parse(string text, string source = "--image")
    {
        // A carriage return, tab or space would be written into the values file (and the commit message) as is.
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) || char.IsControl(text[i]))
            {
                throw Invalid(
                    Printable(text),
                    source,
                    $"it contains {(char.IsControl(text[i]) ? "a control character" : "whitespace")} "
                        + $"(U+{(int)text[i]:X4}) at position {i + 1}"
                );
            }
        }
        var (name, digest) = text.IndexOf('@') is var at and >= 0
            ? (text[..at], text[(at + 1)..])
            : (text, null);
        var colon = name.LastIndexOf(':');
        if (colon <= name.LastIndexOf('/') || colon == name.Length - 1)
        {
            throw Invalid(text, source, "it has no tag");
        }
        var (repository, tag) = (name[..colon], name[(colon + 1)..]);
        if (!TagPattern().IsMatch(tag))
        {
            throw Invalid(text, source, $"'{tag}' is not a valid tag");
        }
        if (digest is not null && !DigestPattern().IsMatch(digest))
        {
            throw Invalid(text, source, $"'{digest}' is not a sha256 digest");
        }
        return new ImageReference(repository, tag, digest);
    }

    /// <summary>What PushImage pushed: its first tag is the immutable one from git.</summary>
    public static ImageReference From(PushedImage pushed) =>
        new(pushed.Repository, pushed.Tags[0], pushed.Digest);

    public override string ToString() =>
        $"{Repository}:{Tag}" + (Digest is null ? "" : "@" + Digest);

    /// <summary>The digest shortened for titles: sha256:1a2b3c4d5e6f.</summary>
    public string? ShortDigest => Digest is null ? null : Digest[..Math.Min(Digest.Length, 19)];

    /// <summary>The reference for an error message, its control characters shown as \u escapes.</summary>
    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    private static UsageException Invalid(string text, string source, string why) =>
        new(
            $"{source} '{text}': {why}. Give repository:tag@sha256:<64 hex digits>, "
                + "e.g. 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/web:1a2b3c4@sha256:…"
        );

    // The OCI distribution spec's tag grammar.
    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex DigestPattern();
}
