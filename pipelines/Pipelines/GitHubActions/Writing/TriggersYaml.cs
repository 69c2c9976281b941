using Pipelines.GitHubActions.Model;

namespace Pipelines.GitHubActions.Writing;

/// <summary>The <c>on:</c> block; its key is written <c>'on'</c> so YAML 1.1 readers do not read a boolean.</summary>
internal static class TriggersYaml
{
    public static YamlMapping ToYaml(WorkflowTriggers on) =>
        YamlMapping.Of(
            ("push", Filter(on.Push)),
            ("pull_request", Filter(on.PullRequest)),
            (
                "schedule",
                on.Schedules.Count == 0
                    ? null
                    : new YamlSequence(
                        on.Schedules.Select(c =>
                                (YamlNode)YamlMapping.Of(("cron", new YamlScalar(c)))
                            )
                            .ToList()
                    )
            ),
            ("workflow_dispatch", Dispatch(on.WorkflowDispatch))
        );

    private static YamlNode? Filter(BranchFilter? filter) =>
        filter is null
            ? null
            : YamlMapping.Of(
                ("branches", WorkflowYaml.List(filter.Branches)),
                ("paths", WorkflowYaml.List(filter.Paths))
            );

    private static YamlNode? Dispatch(WorkflowDispatch? dispatch) =>
        dispatch is null ? null
        : dispatch.Inputs.Count == 0 ? new YamlMapping([])
        : YamlMapping.Of(("inputs", YamlMapping.From(dispatch.Inputs, i => i.Name, Input)));

    private static YamlMapping Input(WorkflowInput input) =>
        YamlMapping.Of(
            ("description", new YamlScalar(input.Description)),
            ("required", YamlScalar.Bool(input.Required)),
            ("type", new YamlScalar(input.Type.ToString().ToLowerInvariant())),
            (
                "default",
                input.Default is null ? null
                : input.Type == InputType.Boolean ? YamlScalar.Bool(input.Default == "true")
                : new YamlScalar(input.Default)
            ),
            ("options", WorkflowYaml.List(input.Options))
        );
}
