using Pipelines.Failures;

namespace Pipelines.Yaml.Editing;

/// <summary>
/// An edit of a YAML file that cannot be made as asked: the file is broken, the path does not fit the document,
/// or the value is an alias. The message starts with <c>file:line:col</c> and says what to change.
/// </summary>
public sealed class YamlEditException(
    string message,
    string file,
    int? line = null,
    int? column = null
) : SourceLocatedException(message, file, line, column);
