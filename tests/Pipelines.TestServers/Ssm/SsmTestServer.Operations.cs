using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Pipelines.TestServers.Ssm;

/// <summary>The three operations, with the request validation and response shapes of the AWS API reference.</summary>
internal sealed partial class SsmTestServer
{
    private IResult GetParameter(string name, bool decrypt, string region)
    {
        if (IsDenied(name))
        {
            return Denied("ssm:GetParameter", name, region);
        }
        return _parameters.ContainsKey(name)
            ? Ok(new JsonObject { ["Parameter"] = Describe(name, decrypt, region) })
            : Error("ParameterNotFound", $"Parameter {name} not found.");
    }

    private IResult GetParameters(JsonArray? namesJson, bool decrypt, string region)
    {
        var names = namesJson?.Select(n => (string?)n ?? "").ToList() ?? [];
        if (names.Count is 0 or > 10)
        {
            return Error(
                "ValidationException",
                $"1 validation error detected: Value '[{string.Join(", ", names)}]' at 'names' failed to "
                    + "satisfy constraint: Member must have length less than or equal to 10, "
                    + "Member must have length greater than or equal to 1"
            );
        }
        if (names.FirstOrDefault(IsDenied) is { } denied)
        {
            return Denied("ssm:GetParameters", denied, region);
        }
        var found = names.Where(_parameters.ContainsKey).Distinct();
        var invalid = names.Where(n => !_parameters.ContainsKey(n)).Distinct();
        return Ok(
            new JsonObject
            {
                ["Parameters"] = new JsonArray([
                    .. found.Select(n => Describe(n, decrypt, region)),
                ]),
                ["InvalidParameters"] = new JsonArray([
                    .. invalid.Select(n => JsonValue.Create(n)),
                ]),
            }
        );
    }

    private IResult GetParametersByPath(JsonObject body, bool decrypt, string region)
    {
        var path = (string?)body["Path"] ?? "";
        var maxResults = body["MaxResults"]?.GetValue<int>() ?? 10;
        if (maxResults is < 1 or > 10)
        {
            return Error(
                "ValidationException",
                $"1 validation error detected: Value '{maxResults}' at 'maxResults' failed to satisfy "
                    + "constraint: Member must have value less than or equal to 10"
            );
        }
        if (!path.StartsWith('/'))
        {
            return Error(
                "ValidationException",
                "The parameter doesn't meet the parameter name requirements."
            );
        }
        if (IsDenied(path))
        {
            return Denied("ssm:GetParametersByPath", path, region);
        }
        var prefix = path.EndsWith('/') ? path : path + "/";
        var recursive = body["Recursive"]?.GetValue<bool>() == true;
        var matching = _parameters
            .Keys.Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Where(n => recursive || !n[prefix.Length..].Contains('/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var start = body["NextToken"] is { } token
            ? int.Parse(
                Encoding.UTF8.GetString(Convert.FromBase64String((string)token!)),
                CultureInfo.InvariantCulture
            )
            : 0;
        var page = matching.Skip(start).Take(maxResults).ToList();
        var response = new JsonObject
        {
            ["Parameters"] = new JsonArray([.. page.Select(n => Describe(n, decrypt, region))]),
        };
        if (start + page.Count < matching.Count)
        {
            var next = (start + page.Count).ToString(CultureInfo.InvariantCulture);
            response["NextToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(next));
        }
        return Ok(response);
    }

    private JsonObject Describe(string name, bool decrypt, string region)
    {
        var (type, value) = _parameters[name];
        return new JsonObject
        {
            ["Name"] = name,
            ["Type"] = type,
            // Without WithDecryption, AWS returns a SecureString's ciphertext.
            ["Value"] =
                type == "SecureString" && !decrypt
                    ? Convert.ToBase64String(Encoding.UTF8.GetBytes("kms:" + name))
                    : value,
            ["Version"] = 1,
            ["ARN"] = $"arn:aws:ssm:{region}:{Account}:parameter/{name.TrimStart('/')}",
            ["DataType"] = "text",
            ["LastModifiedDate"] = 1735689600.123,
        };
    }

    private static IResult Denied(string action, string name, string region) =>
        Error(
            "AccessDeniedException",
            $"User: arn:aws:sts::{Account}:assumed-role/build/ci is not authorized to perform: {action} on "
                + $"resource: arn:aws:ssm:{region}:{Account}:parameter/{name.TrimStart('/')} because no "
                + $"identity-based policy allows the {action} action"
        );

    private static IResult Ok(JsonObject body) =>
        Results.Text(body.ToJsonString(), JsonContentType, Encoding.UTF8, StatusCodes.Status200OK);

    private static IResult Error(string type, string message) =>
        Results.Text(
            new JsonObject { ["__type"] = type, ["message"] = message }.ToJsonString(),
            JsonContentType,
            Encoding.UTF8,
            StatusCodes.Status400BadRequest
        );
}
