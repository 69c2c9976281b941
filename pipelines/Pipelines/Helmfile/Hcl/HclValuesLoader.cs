using Pipelines.Failures;

namespace Pipelines.Helmfile.Hcl;

/// <summary>
/// helmfile's HCL environment values (pkg/hcllang): every <c>.hcl</c> file of one values list is read together;
/// <c>values {}</c> attributes are shared by all of them (<c>hv.NAME</c>) and become the values, a key defined again
/// in a later file overriding it (objects merged per key, anything else replaced); <c>locals {}</c> (one block per
/// file) are visible only in their own file (<c>local.NAME</c>) and may reference only other locals. Evaluation
/// follows references on demand, so order in the files does not matter and a cycle is an error.
/// </summary>
internal sealed class HclValuesLoader
{
    private readonly List<string> _files = [];
    private readonly Dictionary<string, List<(HclAttribute Attribute, int File)>> _values = new(
        StringComparer.Ordinal
    );
    private readonly List<Dictionary<string, HclAttribute>> _locals = [];
    private readonly Dictionary<string, object?> _doneValues = new(StringComparer.Ordinal);
    private readonly Dictionary<(int, string), object?> _doneLocals = [];
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);

    /// <summary>The values of the files, in helmfile's order of precedence (later files win).</summary>
    public static Dictionary<string, object?> Load(
        IReadOnlyList<(string Path, string Relative)> files
    )
    {
        var loader = new HclValuesLoader();
        foreach (var (path, relative) in files)
        {
            loader.Add(HclParser.ParseFile(File.ReadAllText(path), relative), relative);
        }
        return loader._values.Keys.ToDictionary(name => name, loader.Value, StringComparer.Ordinal);
    }

    private void Add(IReadOnlyList<HclBlock> blocks, string file)
    {
        var index = _files.Count;
        _files.Add(file);
        var locals = blocks.Where(b => b.Type == "locals").ToList();
        if (locals.Count > 1)
        {
            throw Error(
                file,
                locals[1].Position,
                "a file can hold only one locals block (helmfile's rule); merge them"
            );
        }
        _locals.Add(
            locals.SelectMany(b => b.Attributes).ToDictionary(a => a.Name, StringComparer.Ordinal)
        );
        foreach (
            var attribute in blocks.Where(b => b.Type == "values").SelectMany(b => b.Attributes)
        )
        {
            if (!_values.TryGetValue(attribute.Name, out var definitions))
            {
                _values[attribute.Name] = definitions = [];
            }
            definitions.Add((attribute, index));
        }
    }

    private object? Value(string name)
    {
        if (_doneValues.TryGetValue(name, out var done))
        {
            return done;
        }
        var definitions = _values[name];
        var (first, firstFile) = definitions[0];
        if (!_evaluating.Add("hv." + name))
        {
            throw Error(
                _files[firstFile],
                first.Position,
                $"hv.{name} depends on itself (a cycle of references between values)"
            );
        }
        object? result = null;
        for (var i = 0; i < definitions.Count; i++)
        {
            var (attribute, file) = definitions[i];
            var value = Evaluator(file, inLocals: false).Evaluate(attribute.Value);
            result = i == 0 ? value : Merge(result, value);
        }
        _evaluating.Remove("hv." + name);
        _doneValues[name] = result;
        return result;
    }

    private object? Local(int file, string name, HclPosition from)
    {
        if (_doneLocals.TryGetValue((file, name), out var done))
        {
            return done;
        }
        if (!_locals[file].TryGetValue(name, out var attribute))
        {
            var known = _locals[file].Keys.Order(StringComparer.Ordinal).ToList();
            throw Error(
                _files[file],
                from,
                $"local.{name} is not defined in this file's locals block"
                    + (known.Count > 0 ? $" (defined: {string.Join(", ", known)})" : "")
            );
        }
        var key = $"local.{file}.{name}";
        if (!_evaluating.Add(key))
        {
            throw Error(
                _files[file],
                attribute.Position,
                $"local.{name} depends on itself (a cycle of references between locals)"
            );
        }
        var value = Evaluator(file, inLocals: true).Evaluate(attribute.Value);
        _evaluating.Remove(key);
        _doneLocals[(file, name)] = value;
        return value;
    }

    private HclEvaluator Evaluator(int file, bool inLocals) =>
        new(
            _files[file],
            (name, at) =>
                inLocals
                    ? throw Error(
                        _files[file],
                        at,
                        $"a local cannot reference hv.{name}: locals see only other locals of their file (helmfile's rule)"
                    )
                : _values.ContainsKey(name) ? Value(name)
                : throw Error(
                    _files[file],
                    at,
                    $"hv.{name} is not defined in any values block (defined: {string.Join(", ", _values.Keys.Order(StringComparer.Ordinal))})"
                ),
            (name, at) => Local(file, name, at)
        );

    /// <summary>helmfile's ctyMergeValues: objects merge per key, everything else is replaced; null keeps the earlier value.</summary>
    private static object? Merge(object? earlier, object? later) =>
        (earlier, later) switch
        {
            (_, null) => earlier,
            (Dictionary<string, object?> a, Dictionary<string, object?> b) => a
                .Keys.Union(b.Keys)
                .ToDictionary(
                    k => k,
                    k =>
                        a.TryGetValue(k, out var x)
                            ? (b.TryGetValue(k, out var y) ? Merge(x, y) : x)
                            : b[k],
                    StringComparer.Ordinal
                ),
            _ => later,
        };

    private static SourceLocatedException Error(string file, HclPosition at, string message) =>
        new($"{file}:{at.Line}:{at.Column}: {message}", file, at.Line, at.Column);
}
