using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.GitHubActions.Api;

/// <summary>
/// A repository on GitHub or a GitHub Enterprise Server, as <c>owner/name</c>. <see cref="Parse"/> takes the slug or
/// any remote URL git accepts for it (https, scp-like <c>git@host:owner/name.git</c>, <c>ssh://</c>); the host is not
/// kept, since the API URL decides which GitHub is asked.
/// </summary>
internal sealed partial record GitHubRepository(string Owner, string Name)
{
    private const string Expected =
        "Expected owner/name, https://github.com/owner/name(.git), git@github.com:owner/name.git or "
        + "ssh://git@github.com/owner/name (a GitHub Enterprise host works the same way).";

    public override string ToString() => $"{Owner}/{Name}";

    /// <summary>Parses a slug or a remote URL; anything else is a <see cref="UsageException"/> saying what is accepted.</summary>
    public static GitHubRepository Parse(string remoteOrSlug)
    {
        var text = remoteOrSlug?.Trim() ?? "";
        var path = PathOf(text, out var problem);
        if (path is null)
        {
            throw Invalid(text, problem);
        }
        var segments = path.Trim('/').Split('/');
        if (segments.Length != 2)
        {
            throw Invalid(
                text,
                segments.Length < 2
                    ? "it names no repository, only an owner"
                    : "it points inside a repository, not at the repository itself"
            );
        }
        var owner = segments[0];
        var name = segments[1].EndsWith(".git", StringComparison.OrdinalIgnoreCase)
            ? segments[1][..^4]
            : segments[1];
        if (!OwnerPattern().IsMatch(owner))
        {
            throw Invalid(text, $"'{owner}' is not a GitHub owner (letters, digits, - and _)");
        }
        if (!NamePattern().IsMatch(name) || name is "." or "..")
        {
            throw Invalid(text, $"'{name}' is not a repository name (letters, digits, ., - and _)");
        }
        return new GitHubRepository(owner, name);
    }

    private static string? PathOf(string text, out string problem)
    {
        problem = "";
        if (text.Length == 0)
        {
            problem = "it is empty";
            return null;
        }
        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (
                !Uri.TryCreate(text, UriKind.Absolute, out var uri)
                || (uri.Host.Length == 0 && !uri.IsFile)
            )
            {
                problem = "it is not a valid URL";
                return null;
            }
            if (uri.Scheme is not ("https" or "http" or "ssh" or "git"))
            {
                problem =
                    uri.Scheme == "file"
                        ? "a local repository is not on GitHub"
                        : $"the scheme '{uri.Scheme}' is not one git uses for GitHub";
                return null;
            }
            return uri.AbsolutePath.TrimEnd('/');
        }
        if (ScpPattern().Match(text) is { Success: true } scp)
        {
            return scp.Groups["path"].Value;
        }
        if (
            text.StartsWith('/')
            || text.StartsWith('.')
            || text.StartsWith('~')
            || text.Contains('\\')
        )
        {
            problem = "a local path is not a GitHub repository";
            return null;
        }
        if (text.Contains(':') || text.Contains('@') || text.Contains(' '))
        {
            problem = "it is neither a URL nor owner/name";
            return null;
        }
        // github.com/owner/name without a scheme: owners never contain a dot, so a dotted first segment is a host.
        var firstSlash = text.IndexOf('/', StringComparison.Ordinal);
        return firstSlash > 0 && text[..firstSlash].Contains('.')
            ? text[firstSlash..].TrimEnd('/')
            : text.TrimEnd('/');
    }

    private static UsageException Invalid(string text, string problem) =>
        new($"'{Redact(text)}' is not a GitHub repository: {problem}. {Expected}");

    // A remote URL may carry credentials (https://user:token@host/...); they never reach a message.
    private static string Redact(string text) => UserInfo().Replace(text, "://***@");

    [GeneratedRegex(@"^(?:[A-Za-z0-9._-]+@)?[A-Za-z0-9.-]+:(?<path>[^/\\:][^:]*)$")]
    private static partial Regex ScpPattern();

    [GeneratedRegex(@"://[^/@]+@")]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,99})$")]
    private static partial Regex OwnerPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex NamePattern();
}
