using System.Text;

namespace Pipelines.Engine;

/// <summary>
/// Writes a file whole or not at all: the content goes to a temporary file beside the target, which is then
/// renamed over it, so a crash or Ctrl-C never leaves a half-written file behind.
/// </summary>
public static class AtomicFile
{
    public static Task WriteAllTextAsync(
        string path,
        string content,
        CancellationToken cancellationToken = default
    ) => WriteAllTextAsync(path, content, mode: null, cancellationToken);

    /// <summary>
    /// Writes the file with <paramref name="mode"/> from its creation on (Unix), so a credentials file is never
    /// readable by others, not even for the moment between writing it and changing its mode.
    /// </summary>
    public static async Task WriteAllTextAsync(
        string path,
        string content,
        UnixFileMode? mode,
        CancellationToken cancellationToken = default
    )
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(
            directory,
            $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp"
        );
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
            };
            if (mode is { } unixMode && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = unixMode;
            }
            await using (var stream = new FileStream(temporary, options))
            await using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            {
                await writer.WriteAsync(content.AsMemory(), cancellationToken);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
