using System.Text.Json;
using Pipelines.Failures;

namespace Pipelines.Engine;

/// <summary>One place a value came from, for precedence and for error messages.</summary>
internal sealed record RawValue(IReadOnlyList<string> Values, string Source, string BaseDirectory);

/// <summary>Reads <c>.nuke/parameters.json</c> and <c>.nuke/parameters.&lt;profile&gt;.json</c>.</summary>
internal static class ParameterFiles
{
    public static string PathFor(AbsolutePath root, string? profile) =>
        root / ".nuke" / (profile is null ? "parameters.json" : $"parameters.{profile}.json");

    public static IEnumerable<string> AvailableProfiles(AbsolutePath root) =>
        Directory.Exists(root / ".nuke")
            ? Directory
                .GetFiles(root / ".nuke", "parameters.*.json")
                .Select(f => Path.GetFileName(f)["parameters.".Length..^".json".Length])
                .Order(StringComparer.Ordinal)
            : [];

    public static Dictionary<BuildParameter, RawValue> Read(
        string path,
        AbsolutePath root,
        IReadOnlyList<BuildParameter> parameters
    )
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        var values = new Dictionary<BuildParameter, RawValue>();
        JsonDocument document;
        try
        {
            var options = new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            };
            document = JsonDocument.Parse(File.ReadAllText(path), options);
        }
        catch (JsonException exception)
        {
            throw new UsageException(
                $"{relative}:{exception.LineNumber + 1}: not valid JSON ({exception.Message.Split(" LineNumber")[0]}) "
                    + "Fix the file or delete it."
            );
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException(
                    $"{relative}: expected a JSON object of parameter names to values."
                );
            }
            foreach (
                var property in document
                    .RootElement.EnumerateObject()
                    .Where(p => p.Name != "$schema")
            )
            {
                var parameter = Find(parameters, property.Name, relative);
                if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    values[parameter] = new RawValue(
                        Texts(property.Value, property.Name, relative),
                        $" (from {relative})",
                        root
                    );
                }
            }
        }
        return values;
    }

    private static BuildParameter Find(
        IReadOnlyList<BuildParameter> parameters,
        string name,
        string file
    ) =>
        ParameterNames.Match(parameters, name)
        ?? throw new UsageException(
            $"{file}: unknown parameter '{name}'."
                + ParameterNames.DidYouMean(parameters, name, p => p.Name, "")
                + " Valid names are listed in .nuke/build.schema.json and by ./build.sh --help."
        );

    private static string[] Texts(JsonElement element, string name, string file) =>
        element.ValueKind switch
        {
            JsonValueKind.Array => element
                .EnumerateArray()
                .SelectMany(e => Texts(e, name, file))
                .ToArray(),
            JsonValueKind.String => [element.GetString()!],
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False =>
            [
                element.GetRawText(),
            ],
            _ => throw new UsageException(
                $"{file}: '{name}' must be a string, number, bool or array, not an object."
            ),
        };
}
