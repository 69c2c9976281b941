using Pipelines.Failures;
using YamlDotNet.Core;

namespace Pipelines.Yaml;

/// <summary>
/// The one way a problem in a YAML file is reported, whichever reader found it (the record reader for the
/// project's own files, the go-yaml reader for helmfile state): <c>file:line:col: message</c>, as a
/// <see cref="SourceLocatedException"/> that CI turns into an annotation on that line.
/// </summary>
public static class YamlProblem
{
    public static SourceLocatedException At(string file, Mark mark, string message) =>
        // Mark.Empty (no position known) has line 0: name the first line rather than a line that does not exist.
        At(file, ((int)mark.Line, (int)mark.Column), message);

    /// <summary>At a position when known; without one, the message names the file alone.</summary>
    public static SourceLocatedException At(
        string file,
        (int Line, int Column)? position,
        string message
    )
    {
        if (position is not { } known)
        {
            return new SourceLocatedException($"{file}: {message}", file);
        }
        var line = Math.Max(1, known.Line);
        var column = Math.Max(1, known.Column);
        return new SourceLocatedException($"{file}:{line}:{column}: {message}", file, line, column);
    }
}
