namespace Pipelines.Helmfile.Templates.Functions;

/// <summary>sprig's env and helmfile's requiredEnv, reading the render's environment rather than the process's.</summary>
internal static class EnvironmentFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("env", 1, 1, call => call.Context.Environment(call.String(0)) ?? ""),
            new("requiredEnv", 1, 1, RequiredEnv),
        ];

    /// <summary>Unset and empty both fail, as in helmfile.</summary>
    private static object? RequiredEnv(FunctionCall call)
    {
        var name = call.String(0);
        var value = call.Context.Environment(name);
        return string.IsNullOrEmpty(value)
            ? throw call.Fail($"required env var `{name}` is not set")
            : value;
    }
}
