namespace Pipelines.Engine;

/// <summary>
/// A target, declared NUKE-style as an expression-bodied property:
/// <c>Target Compile => _ => _.Description("...").Executes(...);</c>
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition _);
