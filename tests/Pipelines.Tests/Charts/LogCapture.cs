using Pipelines.Engine;

namespace Pipelines.Tests.Charts;

/// <summary>
/// Captures what <see cref="Log"/> writes in the current async flow from construction on (the host is per flow, so
/// tests running side by side keep their lines apart). Construct it synchronously in the flow to capture.
/// </summary>
internal sealed class LogCapture
{
    private readonly StringWriter _writer = new();

    public LogCapture()
    {
        var writer = TextWriter.Synchronized(_writer);
        Log.Host = ConsoleHost.Create(
            writer,
            writer,
            new SecretRegistry(),
            _ => null,
            isTerminal: false
        );
    }

    public string Text => _writer.ToString();
}
