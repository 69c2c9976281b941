namespace Pipelines.Engine;

/// <summary><c>--help</c>: targets with description, dependencies and the default marked; then parameters.</summary>
internal static class HelpWriter
{
    public static void Write(
        TextWriter output,
        IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyList<BuildParameter> parameters,
        AbsolutePath root
    )
    {
        output.WriteLine("Usage: ./build.sh [targets] [--parameter value ...]");
        output.WriteLine();
        output.WriteLine("Targets (* default):");
        var listed = targets.Where(t => !t.IsUnlisted).ToList();
        var width = listed.Select(t => t.Name.Length + 2).DefaultIfEmpty(0).Max() + 2;
        foreach (var target in listed)
        {
            var name = target.Name + (target.IsDefault ? " *" : "");
            output.WriteLine($"  {name.PadRight(width)}{target.Description}".TrimEnd());
            if (target.Dependencies.Count > 0)
            {
                output.WriteLine(
                    $"  {"".PadRight(width)}depends on: {string.Join(", ", target.Dependencies)}"
                );
            }
        }
        var engine = parameters
            .Where(p => p.Member.DeclaringType == typeof(PipelineBuild))
            .ToList();
        WriteParameters(output, "Parameters:", parameters.Except(engine).ToList(), root);
        WriteParameters(output, "Engine options:", engine, root);
        output.WriteLine();
        output.WriteLine(
            $"Parameters also bind from {ParameterNames.EnvironmentPrefix}* environment variables, "
                + ".nuke/parameters.<profile>.json (--profile) and .nuke/parameters.json, in that order after the command line."
        );
        output.WriteLine(
            "Exit codes: 0 success, 1 a target failed, 2 usage error (or drift found by a check), 130 cancelled."
        );
    }

    internal static void WriteParameters(
        TextWriter output,
        string heading,
        IReadOnlyList<BuildParameter> parameters,
        AbsolutePath root
    )
    {
        if (parameters.Count == 0)
        {
            return;
        }
        output.WriteLine();
        output.WriteLine(heading);
        var width =
            parameters.Select(p => p.CommandLineName.Length + p.TypeName.Length + 3).Max() + 2;
        foreach (var parameter in parameters)
        {
            var usage = parameter.IsFlag
                ? parameter.CommandLineName
                : $"{parameter.CommandLineName} <{parameter.TypeName}>";
            output.WriteLine($"  {usage.PadRight(width)}{parameter.Description}".TrimEnd());
            var facts = new List<string>();
            if (parameter.AllowedValues is { } allowed)
            {
                facts.Add("values: " + string.Join(", ", CommandLine.SafeList(allowed)));
            }
            if (DefaultText(parameter, root) is { } text)
            {
                facts.Add("default: " + text);
            }
            facts.Add("env: " + parameter.EnvironmentName);
            if (parameter.IsSecret)
            {
                facts.Add("secret");
            }
            output.WriteLine($"  {"".PadRight(width)}{string.Join(" · ", facts)}");
        }
    }

    /// <summary>The default as text; paths relative to the root, so help and schema read the same on every machine.</summary>
    internal static string? DefaultText(BuildParameter parameter, AbsolutePath root) =>
        parameter.IsSecret
            ? null
            : parameter.DefaultValue switch
            {
                null => null,
                Array { Length: 0 } => null,
                Array array => string.Join(" ", array.Cast<object>()),
                bool flag => flag ? "true" : "false",
                AbsolutePath path => path.RelativeTo(root),
                var value => value.ToString(),
            };
}
