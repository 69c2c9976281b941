namespace Pipelines.Engine;

/// <summary>
/// Status lines for long waits (a rollout, a lock), one per key. On a terminal they stay at the bottom of the output
/// and are redrawn in place; ordinary output is written above them. Elsewhere (CI logs, redirected output) each key
/// gets a plain line at most once per <see cref="PlainInterval"/>, so a log shows progress without flooding.
/// </summary>
internal sealed class LiveLines(TextWriter output, bool interactive, int width, TimeProvider time)
{
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<(string Key, string Line)> _lines = [];
    private readonly Dictionary<string, DateTimeOffset> _printed = [];
    private int _drawn;

    public void Show(string key, string line)
    {
        lock (_gate)
        {
            if (!interactive)
            {
                var now = time.GetUtcNow();
                if (_printed.TryGetValue(key, out var last) && now - last < PlainInterval)
                {
                    return;
                }
                _printed[key] = now;
                output.WriteLine(line);
                return;
            }
            var index = _lines.FindIndex(l => l.Key == key);
            if (index < 0)
            {
                _lines.Add((key, line));
            }
            else
            {
                _lines[index] = (key, line);
            }
            Erase();
            Draw();
        }
    }

    /// <summary>The wait of <paramref name="key"/> is over: its line goes away (the caller reports the outcome).</summary>
    public void Done(string key)
    {
        lock (_gate)
        {
            _printed.Remove(key);
            if (_lines.RemoveAll(l => l.Key == key) > 0)
            {
                Erase();
                Draw();
            }
        }
    }

    /// <summary>Writes ordinary output above the live lines.</summary>
    public void Above(Action write)
    {
        lock (_gate)
        {
            Erase();
            write();
            Draw();
        }
    }

    private void Erase()
    {
        if (_drawn > 0)
        {
            // Up to the first live line, then clear to the end of the screen.
            output.Write($"\u001b[{_drawn}F\u001b[J");
            output.Flush();
            _drawn = 0;
        }
    }

    private void Draw()
    {
        foreach (var (_, line) in _lines)
        {
            // A wrapped line would take two rows and break the redraw.
            output.WriteLine(line.Length < width ? line : line[..Math.Max(0, width - 2)] + "…");
        }
        output.Flush();
        _drawn = _lines.Count;
    }
}
