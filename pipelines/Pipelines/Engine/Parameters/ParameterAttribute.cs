namespace Pipelines.Engine;

/// <summary>
/// Marks a field or property as a build parameter: <c>--kebab-case</c> on the command line, <c>PIPELINES_UPPER_SNAKE</c>
/// in the environment, its own name in <c>.nuke/parameters*.json</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    public string? Description { get; } = description;

    /// <summary>The parameter's name when it differs from the member's (the CLI and JSON spellings derive from it).</summary>
    public string? Name { get; init; }

    /// <summary>
    /// Name of a build member (property or parameterless method) returning <c>IEnumerable&lt;string&gt;</c>: the
    /// values the parameter accepts. Bad values are refused with "did you mean" and the list.
    /// </summary>
    public string? ValueProvider { get; init; }

    /// <summary>The value taken when the option is given bare (<c>--parallel</c>), for non-bool parameters.</summary>
    public string? ImplicitValue { get; init; }
}

/// <summary>A parameter whose value never reaches the output: masked in every line, and on GitHub Actions registered with <c>::add-mask::</c>.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
internal sealed class SecretAttribute : Attribute;
