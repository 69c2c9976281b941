using System.Text.RegularExpressions;
using Pipelines.TestServers;

namespace Pipelines.Tests.Docs;

/// <summary>
/// README is the newcomer's page and docs/ holds one page per concern; a link that points nowhere sends the
/// reader to a 404, so every relative link (and its #anchor) must resolve inside the repository.
/// </summary>
public partial class DocumentationLinksTests
{
    /// <summary>The newcomer's page stays short: the long material lives in docs/.</summary>
    private const int ReadmeBudgetBytes = 12 * 1024;

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string> { "README.md" };
        foreach (
            var page in Directory
                .EnumerateFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md")
                .Order(StringComparer.Ordinal)
        )
        {
            pages.Add(Path.GetRelativePath(RepositoryRoot.Path, page).Replace('\\', '/'));
        }
        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_of_a_page_resolves_to_a_file_and_heading_of_the_repository(
        string page
    )
    {
        // Arrange
        var path = Path.Combine(RepositoryRoot.Path, page);
        var text = File.ReadAllText(path);

        // Act
        var broken = new List<string>();
        foreach (var target in RelativeLinks(text))
        {
            var (file, anchor) = Split(target);
            var resolved =
                file.Length == 0
                    ? path
                    : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, file));
            if (!resolved.StartsWith(RepositoryRoot.Path, StringComparison.Ordinal))
            {
                broken.Add($"{target} (outside the repository)");
            }
            else if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                broken.Add($"{target} (no such file)");
            }
            else if (
                anchor is not null
                && !HeadingAnchors(File.ReadAllText(resolved)).Contains(anchor)
            )
            {
                broken.Add($"{target} (no heading with anchor #{anchor})");
            }
        }

        // Assert
        Assert.True(broken.Count == 0, $"{page} has broken links:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void README_stays_within_its_budget_for_a_newcomer()
    {
        // Act
        var size = new FileInfo(Path.Combine(RepositoryRoot.Path, "README.md")).Length;

        // Assert
        Assert.True(
            size <= ReadmeBudgetBytes,
            $"README.md is {size} bytes (budget {ReadmeBudgetBytes}): move the long material to a page under docs/."
        );
    }

    [Fact]
    public void A_link_to_a_missing_heading_is_found()
    {
        // Arrange: the checker itself must be able to fail.
        const string text =
            "# Title\n\n## CI/CD\n\nSee [x](#cicd), [y](#nowhere) and [z](https://example.com).";

        // Act
        var links = RelativeLinks(text).ToList();
        var anchors = HeadingAnchors(text);

        // Assert
        Assert.Equal(["#cicd", "#nowhere"], links);
        Assert.Contains("cicd", anchors);
        Assert.DoesNotContain("nowhere", anchors);
    }

    private static IEnumerable<string> RelativeLinks(string markdown)
    {
        var withoutCode = FencedCode().Replace(markdown, "");
        foreach (Match match in Link().Matches(withoutCode))
        {
            var target = match.Groups["target"].Value;
            if (!Scheme().IsMatch(target))
            {
                yield return target;
            }
        }
    }

    private static (string File, string? Anchor) Split(string target)
    {
        var hash = target.IndexOf('#');
        return hash < 0 ? (target, null) : (target[..hash], target[(hash + 1)..]);
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces as dashes.</summary>
    private static HashSet<string> HeadingAnchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Heading().Matches(FencedCode().Replace(markdown, "")))
        {
            var slug = new string(
                match
                    .Groups["text"]
                    .Value.Trim()
                    .ToLowerInvariant()
                    .Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')
                    .ToArray()
            ).Replace(' ', '-');
            var unique = slug;
            for (var n = 1; !anchors.Add(unique); n++)
            {
                unique = $"{slug}-{n}";
            }
        }
        return anchors;
    }

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();
}
