using Pipelines.Engine;

namespace Pipelines.Tests.Engine;

/// <summary>Status lines for long waits: redrawn in place on a terminal, plain and spaced out elsewhere.</summary>
public sealed class LiveLinesTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void On_a_terminal_each_key_keeps_one_line_that_is_redrawn_in_place()
    {
        // Arrange
        var output = new StringWriter();
        var lines = new LiveLines(output, interactive: true, width: 80, new ManualClock());

        // Act
        lines.Show("blue", "blue: 1 applied, 0 healthy, 1 waiting");
        lines.Show("green", "green: 2 applied, 2 healthy, 0 waiting");
        lines.Show("blue", "blue: 1 applied, 1 healthy, 0 waiting");
        lines.Above(() => output.WriteLine("a log line"));
        lines.Done("blue");

        // Assert
        var text = output.ToString();
        Assert.Contains("\u001b[2F\u001b[J", text); // two live lines erased before redrawing
        var afterLog = text[(text.IndexOf("a log line", StringComparison.Ordinal))..];
        Assert.Contains("green: 2 applied", afterLog); // redrawn below ordinary output
        Assert.EndsWith("\u001b[2F\u001b[Jgreen: 2 applied, 2 healthy, 0 waiting\n", text);
    }

    [Fact]
    public void On_a_terminal_a_line_wider_than_the_terminal_is_cut_so_the_redraw_stays_aligned()
    {
        // Arrange
        var output = new StringWriter();
        var lines = new LiveLines(output, interactive: true, width: 20, new ManualClock());

        // Act
        lines.Show("blue", new string('x', 50));

        // Assert
        Assert.Equal(new string('x', 18) + "…\n", output.ToString());
    }

    [Fact]
    public void In_ci_lines_are_plain_and_at_most_one_per_key_every_interval()
    {
        // Arrange
        var output = new StringWriter();
        var clock = new ManualClock();
        var lines = new LiveLines(output, interactive: false, width: int.MaxValue, clock);

        // Act
        lines.Show("blue", "blue: first");
        lines.Show("blue", "blue: too soon");
        lines.Show("green", "green: first");
        clock.Now += LiveLines.PlainInterval;
        lines.Show("blue", "blue: later");

        // Assert
        Assert.Equal("blue: first\ngreen: first\nblue: later\n", output.ToString());
    }
}
