using System.Security.Cryptography;
using System.Text;
using Pipelines.Engine;

namespace Pipelines.Helmfile.Rendering;

/// <summary>
/// Content-addressed cache of <c>helm template</c> output: the key hashes everything the output depends on (chart
/// files, values, set entries, helm version, cluster version and APIs), so a hit is exactly as good as running helm.
/// Output of releases whose values hold resolved secrets is never stored.
/// </summary>
internal sealed class RenderCache(AbsolutePath directory)
{
    public static string Key(IEnumerable<string> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            // Length-prefixed, so ("ab","c") and ("a","bc") differ.
            hash.AppendData(Encoding.UTF8.GetBytes($"{part.Length}:{part}\n"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // One hash per chart per render: every release of a chart shares it.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _charts =
        new();

    /// <summary>A hash of the path and content of every file of a local chart, in a stable order.</summary>
    public string ChartHash(AbsolutePath chart) =>
        _charts.GetOrAdd(
            chart,
            _ =>
                Key(
                    Directory
                        .EnumerateFiles(chart, "*", SearchOption.AllDirectories)
                        .Select(f => Path.GetRelativePath(chart, f).Replace('\\', '/'))
                        .Order(StringComparer.Ordinal)
                        .SelectMany(f => new[] { f, File.ReadAllText(chart / f) })
                )
        );

    public string? TryRead(string key)
    {
        var path = directory / $"{key}.yaml";
        return path.FileExists ? File.ReadAllText(path) : null;
    }

    public Task WriteAsync(string key, string output, CancellationToken cancellationToken) =>
        AtomicFile.WriteAllTextAsync(directory / $"{key}.yaml", output, cancellationToken);
}
