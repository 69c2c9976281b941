using System.Diagnostics;
using Pipelines.Engine;

namespace Pipelines.Tools.Helm;

/// <summary>
/// An exclusive lock on a file, so that builds and tests running side by side install a tool once. The lock is the
/// open <see cref="FileStream"/> with <see cref="FileShare.None"/> (an advisory <c>flock</c> on Unix): the operating
/// system drops it when the process dies, so a killed install never leaves a stale lock behind.
/// </summary>
internal static class InstallLock
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    public static async Task<FileStream> AcquireAsync(
        string path,
        TimeSpan timeout,
        CancellationToken cancellationToken
    )
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var waited = Stopwatch.StartNew();
        var announced = false;
        while (true)
        {
            try
            {
                return new FileStream(
                    path,
                    FileMode.OpenOrCreate,
                    FileAccess.ReadWrite,
                    FileShare.None
                );
            }
            catch (IOException exception)
                when (exception is not (DirectoryNotFoundException or PathTooLongException))
            {
                if (waited.Elapsed >= timeout)
                {
                    throw new IOException(
                        $"Waited {timeout.TotalSeconds:0} s for {path}, held by another install. "
                            + "If no other build is running, delete the file and retry.",
                        exception
                    );
                }
                if (!announced)
                {
                    Log.Info($"Waiting for another install to finish (lock {path})");
                    announced = true;
                }
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }
}
