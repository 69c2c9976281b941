using Pipelines.Failures;
using Pipelines.GoTemplates.Syntax;

namespace Pipelines.GoTemplates;

/// <summary>
/// Every template error reads <c>file:line:column: what went wrong</c>, like YAML errors and like Go's own
/// <c>template: name:line:col: ...</c>, so the message alone is enough to find the spot.
/// </summary>
internal static class TemplateErrors
{
    public static SourceLocatedException At(string file, SourcePosition position, string message) =>
        new(
            $"{file}:{position.Line}:{position.Column}: {message}",
            file,
            position.Line,
            position.Column
        );
}
