using Pipelines.Engine;
using Pipelines.Tools;

namespace Pipelines.Helmfile.Rendering;

/// <summary>
/// helm's version, part of every cache key. Asking helm costs a process start, so the answer is remembered in
/// <c>.nuke/temp/helm/version</c> for as long as the binary's path, size and modification time stay the same.
/// </summary>
internal static class HelmVersion
{
    public static async Task<string> ReadAsync(
        string helm,
        HelmHome home,
        CancellationToken cancellationToken
    )
    {
        var binary = new FileInfo(helm);
        var identity = $"{binary.FullName}|{binary.Length}|{binary.LastWriteTimeUtc.Ticks}";
        var remembered = home.Directory / "version";
        if (
            remembered.FileExists
            && File.ReadAllText(remembered).Split('\n') is [var known, var version, ..]
            && known == identity
        )
        {
            return version;
        }
        var answer = await ToolRunner.Default.RunAsync(
            home.Apply(ToolCommand.For(helm).WithArguments("version", "--short")),
            ToolOutput.Capture,
            cancellationToken
        );
        var current = answer.StandardOutput.Trim();
        await AtomicFile.WriteAllTextAsync(
            remembered,
            $"{identity}\n{current}\n",
            cancellationToken
        );
        return current;
    }
}
