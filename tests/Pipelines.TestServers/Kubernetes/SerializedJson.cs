using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Pipelines.TestServers.Kubernetes;

/// <summary>
/// An object serialised once and written as it is wherever a response holds it, as the real API server's watch
/// cache keeps objects serialised for LISTs. Escaped as every response is (quotes as \", not \u0022).
/// </summary>
internal sealed class SerializedJson
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new RawConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private static readonly JsonTypeInfo<SerializedJson> TypeInfo =
        (JsonTypeInfo<SerializedJson>)Json.GetTypeInfo(typeof(SerializedJson));

    private readonly byte[] _utf8;

    public SerializedJson(JsonObject value) =>
        _utf8 = JsonSerializer.SerializeToUtf8Bytes(value, Json);

    /// <summary>A node that serialises as this text, to place in a response body (it cannot be read as a tree).</summary>
    public JsonNode ToNode() => JsonValue.Create(this, TypeInfo)!;

    private sealed class RawConverter : JsonConverter<SerializedJson>
    {
        public override SerializedJson Read(
            ref Utf8JsonReader reader,
            Type typeToConvert,
            JsonSerializerOptions options
        ) => throw new NotSupportedException("Serialised objects are only written.");

        public override void Write(
            Utf8JsonWriter writer,
            SerializedJson value,
            JsonSerializerOptions options
        ) => writer.WriteRawValue(value._utf8, skipInputValidation: true);
    }
}
