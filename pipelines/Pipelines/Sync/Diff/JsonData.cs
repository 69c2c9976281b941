using System.Text.Json;

namespace Pipelines.Sync.Diff;

/// <summary>
/// JSON as the same plain data <see cref="Yaml.Data.YamlData"/> produces: objects become ordered
/// <see cref="Dictionary{TKey,TValue}"/> of string to object, arrays <see cref="List{T}"/>, integers
/// <see cref="long"/>, other numbers <see cref="double"/>. Output is compact with keys sorted ordinally (as Go's
/// encoding/json writes maps), so equal data always gives equal text.
/// </summary>
public static class JsonData
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    /// <summary>Parses one JSON value; malformed JSON throws <see cref="JsonException"/> with line and position.</summary>
    public static object? Parse(string json)
    {
        using var document = JsonDocument.Parse(json, Options);
        return Convert(document.RootElement);
    }

    /// <summary>An already parsed JSON value as plain data, without writing and parsing its text again.</summary>
    public static object? FromElement(JsonElement element) => Convert(element);

    /// <summary>Parses a JSON object, such as a Kubernetes object as the API server returns it.</summary>
    public static Dictionary<string, object?> ParseObject(string json) =>
        Parse(json) as Dictionary<string, object?>
        ?? throw new FormatException(
            "Expected a JSON object at the top, e.g. a Kubernetes object {\"kind\": ...}."
        );

    public static string ToJson(object? data)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, data);
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static object? Convert(JsonElement element) =>
        element.ValueKind switch
        {
            JsonValueKind.Object => element
                .EnumerateObject()
                .Aggregate(
                    new Dictionary<string, object?>(),
                    (map, property) =>
                    {
                        map[property.Name] = Convert(property.Value);
                        return map;
                    }
                ),
            JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToList(),
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.TryGetInt64(out var whole)
                ? (object)whole
                : element.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case long or int:
                writer.WriteNumberValue(System.Convert.ToInt64(value, null));
                break;
            case double real when double.IsFinite(real):
                writer.WriteNumberValue(real);
                break;
            case Dictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var key in map.Keys.Order(StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, map[key]);
                }
                writer.WriteEndObject();
                break;
            case List<object?> list:
                writer.WriteStartArray();
                list.ForEach(item => Write(writer, item));
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException(
                    $"Cannot write {value} ({value.GetType().Name}) as JSON: plain data holds maps, lists, "
                        + "strings, long, finite double, bool and null.",
                    nameof(value)
                );
        }
    }
}
