using Pipelines.Failures;

namespace Pipelines.Engine;

/// <summary>
/// NUKE's command-line syntax: positional target names, then <c>--kebab-case</c> options. A flag takes an explicit
/// <c>true</c>/<c>false</c> only; an array takes every value up to the next option; an option with an implicit value
/// (<c>--parallel</c>) takes the next token only when it is a value of its type.
/// </summary>
internal sealed record CommandLine(
    IReadOnlyList<string> Positional,
    IReadOnlyDictionary<BuildParameter, string[]> Options
)
{
    public static CommandLine Parse(
        IReadOnlyList<string> args,
        IReadOnlyList<BuildParameter> parameters
    )
    {
        var positional = new List<string>();
        var options = new Dictionary<BuildParameter, string[]>();
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (!IsOption(token))
            {
                positional.Add(token);
                continue;
            }
            var (name, inline) = Split(token);
            var parameter = Find(parameters, name);
            var values = new List<string>();
            if (inline is not null)
            {
                values.Add(inline);
            }
            else if (parameter.ValueType.IsArray)
            {
                while (i + 1 < args.Count && !IsOption(args[i + 1]))
                {
                    values.Add(args[++i]);
                }
            }
            else if (parameter.IsFlag)
            {
                if (i + 1 < args.Count && bool.TryParse(args[i + 1], out _))
                {
                    values.Add(args[++i]);
                }
            }
            else if (parameter.Attribute.ImplicitValue is { } implicitValue)
            {
                var next = i + 1 < args.Count ? args[i + 1] : null;
                values.Add(
                    next is not null && !IsOption(next) && Converts(parameter, next)
                        ? args[++i]
                        : implicitValue
                );
            }
            else if (i + 1 < args.Count && !IsOption(args[i + 1]))
            {
                values.Add(args[++i]);
            }
            else
            {
                throw new UsageException(
                    $"{parameter.CommandLineName} needs a value ({parameter.TypeName}){Choices(parameter)}."
                );
            }
            options[parameter] =
                parameter.ValueType.IsArray && options.TryGetValue(parameter, out var earlier)
                    ? [.. earlier, .. values]
                    : [.. values];
        }
        return new CommandLine(positional, options);
    }

    private static bool IsOption(string token) =>
        token.StartsWith("--", StringComparison.Ordinal) && token.Length > 2
        || token is "-h" or "-?";

    private static (string Name, string? Inline) Split(string token)
    {
        if (token is "-h" or "-?")
        {
            return ("help", null);
        }
        var body = token[2..];
        var equals = body.IndexOf('=');
        return equals < 0 ? (body, null) : (body[..equals], body[(equals + 1)..]);
    }

    private static BuildParameter Find(IReadOnlyList<BuildParameter> parameters, string name) =>
        ParameterNames.Match(parameters, name)
        ?? throw new UsageException(
            $"Unknown parameter '--{name}'."
                + ParameterNames.DidYouMean(
                    parameters,
                    name,
                    p => ParameterNames.Kebab(p.Name),
                    "--"
                )
                + " Run ./build.sh --help to list the parameters."
        );

    private static bool Converts(BuildParameter parameter, string value)
    {
        try
        {
            ValueConverter.ConvertScalar(parameter, value, "", Directory.GetCurrentDirectory());
            return true;
        }
        catch (UsageException)
        {
            return false;
        }
    }

    internal static string Choices(BuildParameter parameter) =>
        parameter.AllowedValues is { } allowed
            ? $"; valid: {string.Join(", ", SafeList(allowed))}"
            : "";

    internal static IReadOnlyList<string> SafeList(Func<IReadOnlyList<string>> allowed)
    {
        try
        {
            return allowed();
        }
        catch (Exception exception)
        {
            var cause = exception
                is System.Reflection.TargetInvocationException { InnerException: { } inner }
                ? inner
                : exception;
            return [$"(unavailable: {cause.Message})"];
        }
    }
}
