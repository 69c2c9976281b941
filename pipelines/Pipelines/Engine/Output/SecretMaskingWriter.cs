using System.Text;

namespace Pipelines.Engine;

/// <summary>
/// Wraps stdout or stderr so that no registered secret reaches it, whoever writes (the engine, a target, a tool's
/// piped output). Text is held back to the end of each line so a secret split across writes is still caught;
/// while targets run in parallel, each line is prefixed with the name of the target that wrote it.
/// </summary>
internal sealed class SecretMaskingWriter(TextWriter inner, SecretRegistry secrets) : TextWriter
{
    private static readonly AsyncLocal<string?> CurrentPrefix = new();
    private readonly Dictionary<string, StringBuilder> _pending = [];
    private readonly Lock _lock = new();

    public override Encoding Encoding => inner.Encoding;

    /// <summary>Sets the prefix for lines written from the current async flow (a parallel target).</summary>
    public static void SetLinePrefix(string? prefix) => CurrentPrefix.Value = prefix;

    public override void Write(char value) => Write([value]);

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) =>
        Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return;
        }
        lock (_lock)
        {
            var key = CurrentPrefix.Value ?? "";
            if (!_pending.TryGetValue(key, out var buffer))
            {
                _pending[key] = buffer = new StringBuilder();
            }
            buffer.Append(value);
            // Only a chunk holding a newline completes lines; the rest waits without copying the buffer.
            if (value.IndexOf('\n') < 0)
            {
                return;
            }
            var text = buffer.ToString();
            var end = text.LastIndexOf('\n');
            buffer.Clear().Append(text, end + 1, text.Length - end - 1);
            foreach (var line in text[..end].Split('\n'))
            {
                inner.Write(key.Length == 0 ? "" : $"[{key}] ");
                inner.Write(secrets.Apply(line));
                inner.Write('\n');
            }
        }
    }

    public override void WriteLine(string? value) => Write((value ?? "") + "\n");

    public override void WriteLine() => Write("\n");

    public override void Flush()
    {
        lock (_lock)
        {
            foreach (var (key, buffer) in _pending.Where(p => p.Value.Length > 0))
            {
                inner.Write(
                    (key.Length == 0 ? "" : $"[{key}] ") + secrets.Apply(buffer.ToString())
                );
                buffer.Clear();
            }
            inner.Flush();
        }
    }
}

/// <summary>The secret values of this run; longest first, so a secret containing another is masked whole.</summary>
internal sealed class SecretRegistry
{
    public const string Mask = "***";
    private volatile string[] _secrets = [];

    /// <summary>
    /// Registers a secret, and each of its lines: output is masked line by line, so a multi-line secret (a key,
    /// a kubeconfig) is caught line by line. Returns false when the value was known already.
    /// </summary>
    public bool Add(string? secret)
    {
        // One- and two-character values would mask half the log and protect nothing.
        if (string.IsNullOrEmpty(secret) || secret.Length < 3 || Contains(secret))
        {
            return false;
        }
        var parts = secret
            .Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length >= 3)
            .Append(secret);
        lock (this)
        {
            _secrets = _secrets.Concat(parts).Distinct().OrderByDescending(s => s.Length).ToArray();
        }
        return true;
    }

    public bool Contains(string secret) => _secrets.Contains(secret);

    /// <summary>The text with every registered secret replaced by <c>***</c>.</summary>
    public string Apply(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return text;
    }
}
