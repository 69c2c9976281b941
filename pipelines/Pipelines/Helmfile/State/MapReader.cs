using System.Globalization;
using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Yaml;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.State;

/// <summary>
/// Reads one mapping of a state file with helmfile's field names. Fields that change what is rendered and are
/// not implemented are refused with file, line and column; fields that only matter to <c>helm upgrade</c>
/// (wait, timeout, ...) are accepted and have no effect on rendering.
/// </summary>
internal sealed class MapReader
{
    private readonly Dictionary<string, object?> _map;
    private readonly string _file;
    private readonly string _what;

    public MapReader(
        object? value,
        string file,
        string what,
        IReadOnlyCollection<string> supported,
        IReadOnlyCollection<string> ignored
    )
    {
        _file = file;
        _what = what;
        _map =
            value as Dictionary<string, object?>
            ?? throw new SourceLocatedException(
                $"{file}: {what} must be a mapping, not {YamlData.Describe(value)}.",
                file
            );
        foreach (var key in _map.Keys.Where(k => !supported.Contains(k) && !ignored.Contains(k)))
        {
            var close = Suggestions.Closest(key, supported.Concat(ignored));
            throw Error(
                key,
                $"{what}: field '{key}' is not supported here."
                    + (close is null ? "" : $" Did you mean '{close}'?")
                    + $" Supported: {string.Join(", ", supported.Order(StringComparer.Ordinal))}."
                    + " If helmfile itself supports it, render with the real binary: --renderer helmfile."
            );
        }
    }

    public Dictionary<string, object?> Map => _map;

    public bool Has(string key) => _map.ContainsKey(key);

    public string? String(string key) =>
        _map.GetValueOrDefault(key) switch
        {
            null => null,
            string text => text,
            bool flag => flag ? "true" : "false",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            var other => throw Error(
                key,
                $"{_what}: '{key}' must be a string, not {YamlData.Describe(other)}."
            ),
        };

    public string RequiredString(string key) =>
        String(key) is { Length: > 0 } text
            ? text
            : throw new SourceLocatedException(
                $"{_file}: {_what} has no '{key}'; it is required.",
                _file
            );

    public bool? Bool(string key) =>
        _map.GetValueOrDefault(key) switch
        {
            null => null,
            bool flag => flag,
            var other => throw Error(
                key,
                $"{_what}: '{key}' must be true or false, not {YamlData.Describe(other)}."
            ),
        };

    public List<object?> List(string key) =>
        _map.GetValueOrDefault(key) switch
        {
            null => [],
            List<object?> list => list,
            var other => throw Error(
                key,
                $"{_what}: '{key}' must be a list, not {YamlData.Describe(other)}."
            ),
        };

    public List<string> Strings(string key) =>
        List(key)
            .Select(item =>
                item is string or long or bool
                    ? Convert.ToString(item, CultureInfo.InvariantCulture)!
                    : throw Error(key, $"{_what}: '{key}' must be a list of strings.")
            )
            .ToList();

    public Dictionary<string, object?> Mapping(string key) =>
        _map.GetValueOrDefault(key) switch
        {
            null => [],
            Dictionary<string, object?> map => map,
            var other => throw Error(
                key,
                $"{_what}: '{key}' must be a mapping, not {YamlData.Describe(other)}."
            ),
        };

    public MissingFileHandler? Handler(string key)
    {
        if (String(key) is not { } text)
        {
            return null;
        }
        return Enum.TryParse<MissingFileHandler>(text, ignoreCase: true, out var handler)
            ? handler
            : throw Error(
                key,
                $"{_what}: missingFileHandler '{text}' is not one of Error, Warn, Info, Debug."
            );
    }

    public SourceLocatedException Error(string key, string message) =>
        YamlProblem.At(_file, YamlData.PositionOf(_map, key), message);
}
