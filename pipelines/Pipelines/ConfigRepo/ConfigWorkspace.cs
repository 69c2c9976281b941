using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Text;

namespace Pipelines.ConfigRepo;

/// <summary>
/// A clone of the config repo that an edit reads and writes by repository-relative path. It keeps each file's first
/// content so the change can be shown as a diff, and refuses paths that leave the clone.
/// </summary>
internal sealed class ConfigWorkspace
{
    private readonly Dictionary<string, string?> _originals = new(StringComparer.Ordinal);

    internal ConfigWorkspace(AbsolutePath root) => Root = root;

    public AbsolutePath Root { get; }

    public bool Exists(string relativePath) => File.Exists(Resolve(relativePath));

    public string Read(string relativePath) => File.ReadAllText(Resolve(relativePath));

    public void Write(string relativePath, string text)
    {
        var path = Resolve(relativePath);
        Remember(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>The files written that now differ from what the clone held.</summary>
    public IReadOnlyList<FileChange> Changes() =>
        _originals
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => (o.Key, Before: o.Value ?? "", After: Exists(o.Key) ? Read(o.Key) : ""))
            .Where(f => f.Before != f.After)
            .Select(f => new FileChange(
                f.Key,
                f.Before,
                f.After,
                UnifiedDiff.Create(f.Before, f.After, "a/" + f.Key, "b/" + f.Key)
            ))
            .ToList();

    /// <summary>Keeps a file's content as the clone holds it now, before something other than <see cref="Write"/> changes it.</summary>
    internal void Remember(string relativePath)
    {
        var path = Resolve(relativePath);
        if (!_originals.ContainsKey(relativePath))
        {
            _originals[relativePath] = File.Exists(path) ? File.ReadAllText(path) : null;
        }
    }

    internal void Forget() => _originals.Clear();

    private string Resolve(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new UsageException(
                $"'{relativePath}' is outside the config repo clone; give a path inside the repository."
            );
        }
        return full;
    }
}
