using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Tools;

namespace Pipelines.Images;

/// <summary>
/// Turns a failed build into an error at a Dockerfile line. buildah names the failing step by its text
/// (<c>building at STEP "COPY missing /www"</c>) and docker by its number (<c>Dockerfile:3</c>), never both,
/// so the line is found from whichever the builder gave.
/// </summary>
internal static partial class DockerfileError
{
    public static Exception From(AbsolutePath dockerfile, ToolException failure)
    {
        var detail = failure.Detail;
        var line = LineFromDocker(detail) ?? LineFromStep(dockerfile, detail);
        var reason =
            detail.Split('\n').LastOrDefault(l => l.Contains("rror", StringComparison.Ordinal))
            ?? detail;
        var where = line is null ? dockerfile.Value : $"{dockerfile}:{line}";
        return new SourceLocatedException(
            $"The image build failed at {where}: {reason.Trim()}\n(command: {failure.CommandLine})",
            dockerfile,
            line
        );
    }

    private static int? LineFromDocker(string detail) =>
        DockerLine().Match(detail) is { Success: true } match
            ? int.Parse(match.Groups["line"].Value, null)
            : null;

    private static int? LineFromStep(AbsolutePath dockerfile, string detail)
    {
        var step = BuildahStep().Match(detail);
        if (!step.Success)
        {
            return null;
        }
        var text = Normalize(step.Groups["step"].Value);
        var lines = File.ReadAllLines(dockerfile);
        for (var i = 0; i < lines.Length; i++)
        {
            var candidate = Normalize(lines[i]);
            if (
                candidate.Length > 0
                && !candidate.StartsWith('#')
                && candidate.StartsWith(text, StringComparison.OrdinalIgnoreCase)
            )
            {
                return i + 1;
            }
        }
        return null;
    }

    private static string Normalize(string text) => Whitespace().Replace(text.Trim(), " ");

    [GeneratedRegex("building at STEP \"(?<step>[^\"]+)\"")]
    private static partial Regex BuildahStep();

    [GeneratedRegex(@"Dockerfile[^:\s]*:(?<line>[0-9]+)")]
    private static partial Regex DockerLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
