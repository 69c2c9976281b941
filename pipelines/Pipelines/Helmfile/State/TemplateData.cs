namespace Pipelines.Helmfile.State;

/// <summary>The <c>.</c> a helmfile template sees: <c>.Environment</c>, <c>.Values</c>, <c>.StateValues</c>, and for releases <c>.Release</c>.</summary>
internal static class TemplateData
{
    public static Dictionary<string, object?> ForState(
        string environment,
        string? kubeContext,
        Dictionary<string, object?> values
    ) =>
        new()
        {
            ["Environment"] = new Dictionary<string, object?>
            {
                ["Name"] = environment,
                ["KubeContext"] = kubeContext ?? "",
                ["Values"] = values,
            },
            ["Values"] = values,
            ["StateValues"] = values,
        };

    /// <summary>
    /// For a release's fields and <c>.gotmpl</c> values files. Rendering for one cluster sets
    /// <c>.Environment.KubeContext</c> to that cluster's context, as helmfile run against that context would.
    /// </summary>
    /// <remarks>
    /// <paramref name="values"/> replaces the state's values (the render cache renders again with references left
    /// unresolved, to tell which releases used one).
    /// </remarks>
    public static Dictionary<string, object?> ForRelease(
        DeclaredState state,
        ReleaseSpec release,
        string? kubeContext = null,
        Dictionary<string, object?>? values = null
    )
    {
        kubeContext ??= state.KubeContext;
        var data = ForState(state.Environment, kubeContext, values ?? state.Values);
        data["Release"] = new Dictionary<string, object?>
        {
            ["Name"] = release.Name,
            ["Namespace"] = release.Namespace ?? "",
            ["Chart"] = release.Chart,
            ["Labels"] = release.Labels.ToDictionary(p => p.Key, p => (object?)p.Value),
            ["KubeContext"] = kubeContext ?? "",
        };
        return data;
    }
}
