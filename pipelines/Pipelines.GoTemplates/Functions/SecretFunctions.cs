namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// helmfile's <c>fetchSecretValue</c> (one reference to its secret) and <c>expandSecretRefs</c> (every reference in a
/// map), through <see cref="TemplateContext.Secrets"/>. What they return is a secret: the render is never cached.
/// </summary>
internal static class SecretFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        new TemplateFunction[]
        {
            new("fetchSecretValue", 1, 1, FetchSecretValue),
            new("expandSecretRefs", 1, 1, call => Resolve(call, call.Map(0))),
        }.Select(f => f with { NonDeterministic = true });

    private static object? FetchSecretValue(FunctionCall call)
    {
        var resolved = Resolve(call, new Dictionary<string, object?> { ["key"] = call.String(0) });
        return resolved.GetValueOrDefault("key") switch
        {
            string text => text,
            var other => throw call.Fail(
                $"the reference selects {Formatting.GoFormat.TypeName(other)}, not a string; select one value with its #/fragment, or use expandSecretRefs for maps"
            ),
        };
    }

    private static IReadOnlyDictionary<string, object?> Resolve(
        FunctionCall call,
        IReadOnlyDictionary<string, object?> data
    )
    {
        var resolve =
            call.Context.Secrets
            ?? throw call.Fail(
                "secret references are not enabled for this template (TemplateContext.Secrets is not set)"
            );
        try
        {
            return resolve(data, call.Runtime.File);
        }
        catch (TemplateSecretException exception)
        {
            // The resolver names the file itself; the evaluator adds it with the line and column.
            var prefix = call.Runtime.File + ": ";
            var message = exception.Message.StartsWith(prefix, StringComparison.Ordinal)
                ? exception.Message[prefix.Length..]
                : exception.Message;
            throw call.Fail(message);
        }
    }
}
