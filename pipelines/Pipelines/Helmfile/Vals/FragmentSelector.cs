using System.Globalization;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.Vals;

/// <summary>
/// Follows a ref's <c>#/a/b</c> fragment into a by-path map or a parsed parameter value. Errors name keys and
/// types, never values: what is walked here is secret.
/// </summary>
internal static class FragmentSelector
{
    public static object? Select(object? root, ParameterReference reference, string sourceFile)
    {
        var current = root;
        for (var depth = 0; depth < reference.Fragment.Count; depth++)
        {
            var key = reference.Fragment[depth];
            current = current switch
            {
                Dictionary<string, object?> map when map.TryGetValue(key, out var next) => next,
                Dictionary<string, object?> map => throw NoSuchKey(
                    reference,
                    depth,
                    map,
                    sourceFile
                ),
                List<object?> list
                    when int.TryParse(
                        key,
                        NumberStyles.None,
                        CultureInfo.InvariantCulture,
                        out var index
                    )
                        && index < list.Count => list[index],
                _ => throw NotAMap(reference, depth, current, sourceFile),
            };
        }
        return current;
    }

    private static SourceLocatedException NoSuchKey(
        ParameterReference reference,
        int depth,
        Dictionary<string, object?> map,
        string sourceFile
    )
    {
        var where = depth == 0 ? Origin(reference) : $"#/{Joined(reference, depth)}";
        var keys =
            map.Count == 0 ? "none" : string.Join(", ", map.Keys.Order(StringComparer.Ordinal));
        var hint =
            reference.Kind == ReferenceKind.Path && !reference.Recursive && depth == 0
                ? " Deeper parameters are only read with recursive=true."
                : "";
        return new(
            $"{sourceFile}: {reference.Text}: there is no '{reference.Fragment[depth]}' in {where}. "
                + $"Keys there: {keys}.{hint}",
            sourceFile
        );
    }

    private static SourceLocatedException NotAMap(
        ParameterReference reference,
        int depth,
        object? value,
        string sourceFile
    )
    {
        var where = depth == 0 ? Origin(reference) : $"#/{Joined(reference, depth)}";
        var message =
            $"{sourceFile}: {reference.Text}: '{reference.Fragment[depth]}' cannot be selected from {where}, "
            + $"which is {YamlData.Describe(value)}, not a map.";
        if (reference.Kind == ReferenceKind.Path && value is string)
        {
            // vals documents this failure: a fragment past a parameter needs mode=singleparam to read its value.
            var parameter = $"{reference.Name.TrimEnd('/')}/{Joined(reference, depth)}";
            var rest = string.Join('/', reference.Fragment.Skip(depth));
            var region = reference.Region is null ? "" : $"region={reference.Region}&";
            message +=
                $" It is the value of parameter {parameter}; to select a key of a YAML or JSON value, use "
                + $"ref+awsssm://{parameter.TrimStart('/')}?{region}mode=singleparam#/{rest}";
        }
        return new(message, sourceFile);
    }

    private static string Origin(ParameterReference reference) =>
        reference.Kind == ReferenceKind.Path
            ? $"the parameters under {reference.Name}"
            : $"the value of parameter {reference.Name}";

    private static string Joined(ParameterReference reference, int count) =>
        string.Join('/', reference.Fragment.Take(count));
}
