using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipelines.TestServers.Kubernetes;

/// <summary>Reads a request body as a JSON object; apply bodies may also be YAML (JSON is valid YAML).</summary>
internal static class RequestBody
{
    public static JsonObject Parse(string text, bool allowYaml)
    {
        try
        {
            if (text.TrimStart().StartsWith('{') || !allowYaml)
            {
                return JsonNode.Parse(text) as JsonObject
                    ?? throw StatusResponses.BadRequest("the body must be an object");
            }
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return
                stream.Documents.Count > 0 && ToJson(stream.Documents[0].RootNode) is JsonObject obj
                ? obj
                : throw StatusResponses.BadRequest("the body must be an object");
        }
        catch (Exception e) when (e is JsonException or YamlException)
        {
            throw StatusResponses.BadRequest($"error decoding the request body: {e.Message}");
        }
    }

    private static JsonNode? ToJson(YamlNode node) =>
        node switch
        {
            YamlMappingNode map => new JsonObject(
                map.Children.Select(p =>
                    KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", ToJson(p.Value))
                )
            ),
            YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
            YamlScalarNode scalar => Scalar(scalar),
            _ => null,
        };

    /// <summary>Plain scalars follow the YAML core schema (null, booleans, numbers); quoted ones are strings.</summary>
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }
        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(
                    text,
                    NumberStyles.AllowLeadingSign,
                    CultureInfo.InvariantCulture,
                    out var whole
                ) => JsonValue.Create(whole),
            _ when double.TryParse(
                    text,
                    NumberStyles.Float,
                    CultureInfo.InvariantCulture,
                    out var real
                ) && double.IsFinite(real) => JsonValue.Create(real),
            _ => JsonValue.Create(text),
        };
    }
}
