using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.Rendering;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.State;

/// <summary>
/// State values from the command line, as helmfile takes them: <c>--state-values-file</c> (relative paths from the
/// state file's folder, where helmfile runs), then <c>--state-values-set-string</c> and <c>--state-values-set</c>
/// (<c>k=v</c>, several per flag with commas, <c>\,</c> for a comma in a value; paths such as <c>top.list[1].key</c>).
/// They layer over the environment's values; the set layers change only the list items they name.
/// </summary>
internal sealed record StateValueOverrides(
    IReadOnlyList<string> Files,
    IReadOnlyList<string> Set,
    IReadOnlyList<string> SetString
)
{
    public static StateValueOverrides None { get; } = new([], [], []);

    /// <summary>The override layers for <paramref name="stateFile"/>, in the order they apply.</summary>
    public IReadOnlyList<ValuesLayer> Layers(
        StateLoader loader,
        AbsolutePath stateFile,
        string environment
    )
    {
        var folder = stateFile.Parent!;
        var entries = Files
            .Select(file =>
            {
                var path = AbsolutePath.Create(file, folder);
                return path.FileExists
                    ? (ValuesEntry)new ValuesFile(path.Value, "--state-values-file")
                    : throw new UsageException(
                        $"--state-values-file {file}: {path} does not exist. Relative paths are read from the state "
                            + $"file's folder ({folder}), as helmfile reads them."
                    );
            })
            .ToList();
        var layers = loader.OverrideLayers(entries, environment).ToList();
        if (SetString.Count > 0)
        {
            layers.Add(
                new ValuesLayer(
                    "--state-values-set-string",
                    Parse(SetString, "--state-values-set-string", typed: false)
                )
                {
                    Lists = ValueMerge.Lists.ByIndex,
                }
            );
        }
        if (Set.Count > 0)
        {
            layers.Add(
                new ValuesLayer("--state-values-set", Parse(Set, "--state-values-set", typed: true))
                {
                    Lists = ValueMerge.Lists.ByIndex,
                }
            );
        }
        return layers;
    }

    /// <summary>Assignments into one map; values typed as helm types <c>--set</c> values unless <paramref name="typed"/> is false.</summary>
    internal static Dictionary<string, object?> Parse(
        IEnumerable<string> arguments,
        string flag,
        bool typed
    )
    {
        var values = new Dictionary<string, object?>();
        foreach (var assignment in arguments.SelectMany(SplitOnUnescapedCommas))
        {
            var (key, text) =
                SetValues.Assignment(assignment)
                ?? throw new UsageException(
                    $"{flag} '{assignment}' is not key=value; e.g. {flag} image.tag=v2,replicas=3 or {flag} 'hosts[0].name=a'."
                );
            SetValues.Set(
                values,
                key,
                typed ? SetValues.Typed(text) : text,
                why => new UsageException(
                    $"{flag} '{assignment}': '{key}' is not a value path ({why}); e.g. top.array[0] or top.list[1].key, "
                        + @"and a\.b for a key with a dot."
                )
            );
        }
        return values;
    }

    /// <summary>helmfile splits on commas not preceded by a backslash; <c>\,</c> becomes a comma, other escapes stay.</summary>
    private static IEnumerable<string> SplitOnUnescapedCommas(string text)
    {
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == ',')
            {
                current.Append(',');
                i++;
            }
            else if (text[i] == ',')
            {
                yield return current.ToString();
                current.Clear();
            }
            else
            {
                current.Append(text[i]);
            }
        }
        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
