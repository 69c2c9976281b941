using Pipelines.Failures;
using Pipelines.GoTemplates;
using Pipelines.Helmfile.Rendering;
using Pipelines.Tools;

namespace Pipelines.Helmfile;

/// <summary>
/// The template context helmfile's files are rendered with: environment variables as given, and
/// <c>exec</c>/<c>envExec</c> run through the build's one process runner (<see cref="ToolRunner"/>).
/// </summary>
internal static class HelmfileTemplates
{
    /// <summary>
    /// helmfile's <c>fetchSecretValue</c> and <c>expandSecretRefs</c> resolved as values files' references are: through
    /// Parameter Store (<paramref name="references"/>; null when none is configured), values registered as secrets.
    /// Other vals backends fail by name rather than pass the reference through as text.
    /// </summary>
    public static TemplateSecretResolver SecretsThrough(ReferenceResolver? references) =>
        (data, file) =>
        {
            var copy = Plain(data);
            if (Vals.OtherBackends.First(copy) is { } other)
            {
                throw new TemplateSecretException(Vals.OtherBackends.Refusal(other));
            }
            try
            {
                var resolved = ReferenceResolver
                    .ResolveIfAnyAsync(references, copy, file, CancellationToken.None)
                    .GetAwaiter()
                    .GetResult();
                return (IReadOnlyDictionary<string, object?>)resolved!;
            }
            catch (SourceLocatedException exception)
            {
                throw new TemplateSecretException(exception.Message);
            }
        };

    /// <summary>The resolver walks Dictionary and List, so template maps and lists are copied into those.</summary>
    private static Dictionary<string, object?> Plain(IReadOnlyDictionary<string, object?> map) =>
        map.ToDictionary(p => p.Key, p => PlainValue(p.Value), StringComparer.Ordinal);

    private static object? PlainValue(object? value) =>
        value switch
        {
            IReadOnlyDictionary<string, object?> map => Plain(map),
            IReadOnlyList<object?> list => list.Select(PlainValue).ToList(),
            _ => value,
        };

    /// <summary>A context reading variables through <paramref name="environment"/>, with <c>exec</c> enabled.</summary>
    public static TemplateContext Context(Func<string, string?> environment) =>
        new(environment) { Exec = Run };

    private static string Run(TemplateProcess process)
    {
        var command = ToolCommand
            .For(process.Command)
            .WithArguments(process.Arguments)
            .WithWorkingDirectory(process.WorkingDirectory);
        foreach (var (name, value) in process.Environment)
        {
            command = command.WithEnvironment(name, value);
        }
        if (process.StandardInput is { } input)
        {
            command = command.WithStandardInput(input);
        }
        try
        {
            return ToolRunner
                .Default.RunAsync(command, ToolOutput.Exact)
                .GetAwaiter()
                .GetResult()
                .StandardOutput;
        }
        catch (ToolException exception)
        {
            throw new TemplateProcessException(exception.Message);
        }
    }
}
