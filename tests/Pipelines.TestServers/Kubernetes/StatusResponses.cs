using System.Text.Json.Nodes;

namespace Pipelines.TestServers.Kubernetes;

/// <summary>An error the fake API server answers with a Kubernetes <c>Status</c> object.</summary>
internal sealed class KubeApiException(int code, JsonObject status)
    : Exception((string?)status["message"])
{
    public int Code { get; } = code;

    public JsonObject Status { get; } = status;
}

/// <summary>
/// Builds <c>Status</c> objects shaped like the real API server's (kind Status, apiVersion v1,
/// status, message, reason, details, code), with the real server's message wording.
/// </summary>
internal static class StatusResponses
{
    public static JsonObject Failure(
        int code,
        string reason,
        string message,
        JsonObject? details = null
    )
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            status["details"] = details;
        }
        status["code"] = code;
        return status;
    }

    public static JsonObject Success(ApiResource resource, string name, string? uid)
    {
        var details = Details(resource, name);
        if (uid is not null)
        {
            details["uid"] = uid;
        }
        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    public static KubeApiException NotFound(ApiResource resource, string name) =>
        Error(
            404,
            "NotFound",
            $"{resource.QualifiedName} \"{name}\" not found",
            Details(resource, name)
        );

    public static KubeApiException NamespaceNotFound(string ns) =>
        NotFound(BuiltInResources.Namespaces, ns);

    public static KubeApiException AlreadyExists(ApiResource resource, string name) =>
        Error(
            409,
            "AlreadyExists",
            $"{resource.QualifiedName} \"{name}\" already exists",
            Details(resource, name)
        );

    public static KubeApiException Conflict(ApiResource resource, string name, string why) =>
        Error(
            409,
            "Conflict",
            $"Operation cannot be fulfilled on {resource.QualifiedName} \"{name}\": {why}",
            Details(resource, name)
        );

    public static KubeApiException ApplyConflict(string message, JsonArray causes) =>
        Error(409, "Conflict", message, new JsonObject { ["causes"] = causes });

    public static KubeApiException BadRequest(string message) => Error(400, "BadRequest", message);

    public static KubeApiException Invalid(
        string kind,
        string group,
        string name,
        string field,
        string message,
        string causeReason = "FieldValueRequired"
    )
    {
        var details = new JsonObject
        {
            ["name"] = name,
            ["group"] = group,
            ["kind"] = kind,
        };
        details["causes"] = new JsonArray(
            new JsonObject
            {
                ["reason"] = causeReason,
                ["message"] = message,
                ["field"] = field,
            }
        );
        var prefix = group.Length == 0 ? kind : $"{kind}.{group}";
        return Error(
            422,
            "Invalid",
            $"{prefix} \"{name}\" is invalid: {field}: {message}",
            details
        );
    }

    public static KubeApiException UnknownResource() =>
        Error(
            404,
            "NotFound",
            "the server could not find the requested resource",
            new JsonObject()
        );

    public static KubeApiException MethodNotAllowed() =>
        Error(
            405,
            "MethodNotAllowed",
            "the server does not allow this method on the requested resource"
        );

    public static KubeApiException UnsupportedMediaType(string? contentType) =>
        Error(
            415,
            "UnsupportedMediaType",
            $"the body of the request was in an unknown format ({contentType}) - accepted media types include: "
                + "application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml"
        );

    /// <summary>The answer for an injected fault: the wording the real server uses for that code.</summary>
    public static JsonObject ForFault(int code, int retryAfterSeconds)
    {
        var (reason, message) = code switch
        {
            404 => ("NotFound", "the server could not find the requested resource"),
            409 => (
                "Conflict",
                "Operation cannot be fulfilled: the object has been modified; please apply your changes to the latest version and try again"
            ),
            429 => ("TooManyRequests", "Too many requests, please try again later."),
            500 => ("InternalError", "Internal error occurred: injected fault"),
            503 => ("ServiceUnavailable", "the server is currently unable to handle the request"),
            _ => ("Unknown", $"injected fault {code}"),
        };
        var details = code is 429 or 503
            ? new JsonObject { ["retryAfterSeconds"] = retryAfterSeconds }
            : null;
        return Failure(code, reason, message, details);
    }

    private static KubeApiException Error(
        int code,
        string reason,
        string message,
        JsonObject? details = null
    ) => new(code, Failure(code, reason, message, details));

    private static JsonObject Details(ApiResource resource, string name)
    {
        var details = new JsonObject { ["name"] = name };
        if (resource.Group.Length > 0)
        {
            details["group"] = resource.Group;
        }
        details["kind"] = resource.Plural;
        return details;
    }
}
