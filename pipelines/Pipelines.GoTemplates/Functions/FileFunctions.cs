namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// helmfile's functions that look outside the template: files, directories and commands. Relative paths resolve
/// against the state file's directory (<see cref="TemplateContext.BaseDirectory"/>), as helmfile's basePath.
/// <c>exec</c>'s output can change between runs, so a render that calls it is not cached.
/// </summary>
internal static class FileFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("readFile", 1, 1, ReadFile),
            new("readDir", 1, 1, ReadDir),
            new("readDirEntries", 1, 1, ReadDirEntries),
            new("isFile", 1, 1, call => File.Exists(Resolve(call, call.String(0)))),
            new("isDir", 1, 1, call => Directory.Exists(Resolve(call, call.String(0)))),
            new("exec", 2, 3, Exec) { NonDeterministic = true },
            new("envExec", 3, 4, Exec) { NonDeterministic = true },
        ];

    private static string Resolve(FunctionCall call, string path) =>
        Path.IsPathRooted(path)
            ? path
            : Path.Combine(call.Context.BaseDirectory ?? Directory.GetCurrentDirectory(), path);

    private static object? ReadFile(FunctionCall call)
    {
        var path = Resolve(call, call.String(0));
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw call.Fail($"open {path}: no such file or directory");
    }

    /// <summary>The files (not directories) in a directory, sorted, each as the given path joined with its name.</summary>
    private static object? ReadDir(FunctionCall call) =>
        Entries(call, "ReadDir")
            .Where(e => e is FileInfo)
            .Select(e => (object?)Join(call.String(0), e.Name))
            .ToList();

    /// <summary>Every entry as a map with Go's DirEntry methods as keys: <c>.Name</c> and <c>.IsDir</c>.</summary>
    private static object? ReadDirEntries(FunctionCall call) =>
        Entries(call, "ReadDirEntries")
            .Select(e =>
                (object?)
                    new Dictionary<string, object?>
                    {
                        ["Name"] = e.Name,
                        ["IsDir"] = e is DirectoryInfo,
                    }
            )
            .ToList();

    private static IEnumerable<FileSystemInfo> Entries(FunctionCall call, string what)
    {
        var path = Resolve(call, call.String(0));
        return Directory.Exists(path)
            ? new DirectoryInfo(path)
                .EnumerateFileSystemInfos()
                .OrderBy(e => e.Name, StringComparer.Ordinal)
            : throw call.Fail($"{what} \"{path}\": open {path}: no such file or directory");
    }

    /// <summary>filepath.Join: cleaned, so "./dir" and "dir/" give "dir/name".</summary>
    private static string Join(string directory, string name) =>
        PathFunctions.Clean(directory.Length == 0 ? name : directory + "/" + name);

    /// <summary>
    /// <c>exec "cmd" (list "arg") ["stdin"]</c>, or <c>envExec (dict "K" "v") "cmd" (list ...) ["stdin"]</c>: runs
    /// in the state file's directory and returns standard output exactly; a failure stops the render with stderr.
    /// </summary>
    private static object? Exec(FunctionCall call)
    {
        var offset = call.Name == "envExec" ? 1 : 0;
        var arguments = call[offset + 1] switch
        {
            null => [],
            IReadOnlyList<object?> list => list.Select(
                    (a, i) =>
                        a as string
                        ?? throw call.Fail(
                            $"unexpected type of arg \"{Formatting.GoFormat.TypeName(a)}\" in args at index {i}: pass strings"
                        )
                )
                .ToList(),
            var other => throw call.Fail(
                $"the arguments must be a list of strings, got {Formatting.GoFormat.TypeName(other)}"
            ),
        };
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (offset == 1)
        {
            foreach (var (name, value) in call.Map(0))
            {
                environment[name] =
                    value as string ?? throw call.Fail($"env var {name} must be a string");
            }
        }
        var process = new TemplateProcess(
            call.String(offset),
            arguments,
            environment,
            call.Count > offset + 2 && call.String(offset + 2).Length > 0
                ? call.String(offset + 2)
                : null,
            call.Context.BaseDirectory ?? Directory.GetCurrentDirectory()
        );
        var run =
            call.Context.Exec
            ?? throw call.Fail(
                "running commands is not enabled for this template (TemplateContext.Exec is not set)"
            );
        try
        {
            return run(process);
        }
        catch (TemplateProcessException exception)
        {
            throw call.Fail(exception.Message);
        }
    }
}
