namespace Pipelines.Engine;

/// <summary>A normalised absolute path; <c>RootDirectory / "helmfile" / "clusters.yaml"</c> composes, as in NUKE.</summary>
public sealed record AbsolutePath
{
    private AbsolutePath(string path) => Value = path;

    public string Value { get; }

    public static AbsolutePath Create(string path, string? baseDirectory = null)
    {
        var full = Path.GetFullPath(path, baseDirectory ?? Directory.GetCurrentDirectory());
        var trimmed = full.Length > 1 ? full.TrimEnd(Path.DirectorySeparatorChar) : full;
        return new AbsolutePath(trimmed.Length == 0 ? full : trimmed);
    }

    public static AbsolutePath operator /(AbsolutePath left, string right) =>
        Create(Path.Combine(left.Value, right));

    public static implicit operator string(AbsolutePath path) => path.Value;

    public AbsolutePath? Parent =>
        Path.GetDirectoryName(Value) is { } parent ? new AbsolutePath(parent) : null;
    public string Name => Path.GetFileName(Value);
    public bool FileExists => File.Exists(Value);
    public bool DirectoryExists => Directory.Exists(Value);

    /// <summary>The path relative to <paramref name="root"/>, with forward slashes (for messages and annotations).</summary>
    public string RelativeTo(AbsolutePath root) =>
        Path.GetRelativePath(root.Value, Value).Replace('\\', '/');

    public override string ToString() => Value;
}
