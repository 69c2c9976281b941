namespace Pipelines.GoTemplates.Functions;

/// <summary>sprig's env and helmfile's requiredEnv, reading the render's environment rather than the process's.</summary>
internal static class EnvironmentFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("env", 1, 1, call => call.Context.Environment(call.String(0)) ?? ""),
            new("requiredEnv", 1, 1, RequiredEnv),
            new("expandenv", 1, 1, ExpandEnv),
        ];

    /// <summary>Go's os.ExpandEnv: <c>$NAME</c> and <c>${NAME}</c> replaced by the variable's value, unset ones by "".</summary>
    private static object? ExpandEnv(FunctionCall call)
    {
        var text = call.String(0);
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '$' || i + 1 >= text.Length)
            {
                result.Append(text[i]);
                continue;
            }
            string name;
            var end = i + 1;
            if (text[end] == '{')
            {
                var close = text.IndexOf('}', end);
                if (close < 0)
                {
                    // Go treats a "${" without its "}" as a bad name and drops the two characters.
                    i = end;
                    continue;
                }
                name = text[(end + 1)..close];
                end = close + 1;
            }
            else if (IsShellSpecial(text[end]))
            {
                name = text[end].ToString();
                end++;
            }
            else
            {
                while (
                    end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_')
                )
                {
                    end++;
                }
                name = text[(i + 1)..end];
                if (name.Length == 0)
                {
                    result.Append('$');
                    continue;
                }
            }
            result.Append(call.Context.Environment(name) ?? "");
            i = end - 1;
        }
        return result.ToString();
    }

    private static bool IsShellSpecial(char c) => "*#$@!?-".Contains(c) || char.IsAsciiDigit(c);

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
