using Pipelines.GoTemplates.Formatting;
using Pipelines.GoTemplates.Syntax;

namespace Pipelines.GoTemplates.Execution;

internal sealed partial class Evaluator
{
    /// <summary>
    /// Go's range: lists in order, maps by sorted key, integers from 0 (Go 1.22), nil not at all. The else
    /// branch runs only when there was nothing to iterate.
    /// </summary>
    private Flow Range(RangeNode range, object? dot)
    {
        var scope = _variables.Count;
        try
        {
            var value = Pipeline(range.Pipeline, dot);
            var items = Items(range, value);
            if (items.Count == 0)
            {
                return range.Else is null ? Flow.Normal : Walk(range.Else, dot);
            }
            var iterationScope = _variables.Count;
            foreach (var (key, element) in items)
            {
                Bind(range.Pipeline, key, element);
                var flow = Walk(range.Body, element);
                _variables.RemoveRange(iterationScope, _variables.Count - iterationScope);
                if (flow == Flow.Break)
                {
                    break;
                }
            }
            return Flow.Normal;
        }
        finally
        {
            _variables.RemoveRange(scope, _variables.Count - scope);
        }
    }

    private List<(object? Key, object? Element)> Items(RangeNode range, object? value) =>
        value switch
        {
            null => [],
            IReadOnlyList<object?> list => list.Select(
                    (e, i) => ((object?)(long)i, GoValues.Normalize(e))
                )
                .ToList(),
            IReadOnlyDictionary<string, object?> map => map
                .Keys.Order(StringComparer.Ordinal)
                .Select(k => ((object?)k, GoValues.Normalize(map[k])))
                .ToList(),
            long count when range.Pipeline.Declarations.Count < 2 => Enumerable
                .Range(0, (int)Math.Clamp(count, 0, int.MaxValue))
                .Select(i => ((object?)(long)i, (object?)(long)i))
                .ToList(),
            long => throw Error(
                range.Pipeline,
                "can't use an integer to iterate over more than one variable"
            ),
            _ => throw Error(
                range.Pipeline,
                $"range can't iterate over {GoFormat.Value(value)} (a {GoFormat.TypeName(value)}; range takes a list, a map or an integer)"
            ),
        };

    /// <summary>With one variable it gets the element; with two, the index or key and then the element.</summary>
    private void Bind(PipelineNode pipeline, object? key, object? element)
    {
        var names = pipeline.Declarations;
        if (names.Count == 0)
        {
            return;
        }
        if (pipeline.IsAssign)
        {
            SetVariable(pipeline, names[0], names.Count > 1 ? key : element);
            if (names.Count > 1)
            {
                SetVariable(pipeline, names[1], element);
            }
            return;
        }
        // The range pipeline pushed its variables last; the element is on top, the key below it.
        _variables[^1] = (_variables[^1].Name, element);
        if (names.Count > 1)
        {
            _variables[^2] = (_variables[^2].Name, key);
        }
    }
}
