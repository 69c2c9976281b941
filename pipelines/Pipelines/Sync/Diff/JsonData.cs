using System.Runtime.InteropServices;
using System.Text.Json;

namespace Pipelines.Sync.Diff;

/// <summary>
/// JSON as the same plain data <see cref="Yaml.Data.YamlData"/> produces: objects become ordered
/// <see cref="Dictionary{TKey,TValue}"/> of string to object, arrays <see cref="List{T}"/>, integers
/// <see cref="long"/>, other numbers <see cref="double"/>. Output is compact with keys sorted ordinally (as Go's
/// encoding/json writes maps), so equal data always gives equal text.
/// </summary>
internal static class JsonData
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    /// <summary>Parses one JSON value; malformed JSON throws <see cref="JsonException"/> with line and position.</summary>
    public static object? Parse(string json)
    {
        using var document = JsonDocument.Parse(json, Options);
        return FromElement(document.RootElement);
    }

    /// <summary>
    /// An already parsed JSON value as plain data, without writing and parsing its text again: its UTF-8 bytes are
    /// read once with a forward-only reader, which costs a fraction of walking the element's tree (a LIST answer
    /// holds thousands of objects). <paramref name="withoutManagedFields"/> leaves out every
    /// <c>metadata.managedFields</c>: the API server's record of field owners, as large as the rest of an object
    /// applied server-side, which kubectl hides too.
    /// </summary>
    public static object? FromElement(JsonElement element, bool withoutManagedFields = false)
    {
        var reader = new Utf8JsonReader(
            JsonMarshal.GetRawUtf8Value(element),
            // Whatever the element's document accepted, the reader accepts too.
            new JsonReaderOptions
            {
                MaxDepth = Options.MaxDepth,
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            }
        );
        reader.Read();
        return Read(ref reader, null, withoutManagedFields);
    }

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

    /// <summary>The value at the reader's current token (the value of <paramref name="key"/>); the reader is left on its last token.</summary>
    private static object? Read(ref Utf8JsonReader reader, string? key, bool withoutManagedFields)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var skipManagedFields = withoutManagedFields && key == "metadata";
                var map = new Dictionary<string, object?>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    if (skipManagedFields && name == "managedFields")
                    {
                        reader.Skip();
                        continue;
                    }
                    map[name] = Read(ref reader, name, withoutManagedFields);
                }
                return map;
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(Read(ref reader, null, withoutManagedFields));
                }
                return list;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var whole) ? (object)whole : reader.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                return null;
        }
    }

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
