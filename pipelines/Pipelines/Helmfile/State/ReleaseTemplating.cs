using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.GoTemplates;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.State;

/// <summary>
/// helmfile's release templating: template expressions left in a release's fields (name, namespace, chart,
/// version, labels, values file paths, set values, installed) are rendered with <c>.Release</c>,
/// <c>.Environment</c> and <c>.Values</c>, then <c>installed</c> and <c>condition</c> decide whether it renders.
/// </summary>
internal static class ReleaseTemplating
{
    /// <summary>Renders the release's fields; <paramref name="values"/>, when given, replaces the state's values.</summary>
    public static ResolvedRelease Apply(
        DeclaredState state,
        ReleaseSpec release,
        TemplateContext context,
        Dictionary<string, object?>? values = null
    )
    {
        string Render(string? text, string field) =>
            text is null || !GoTemplate.ContainsActions(text)
                ? text ?? ""
                : GoTemplate
                    .Parse(text, $"{release.DeclaredIn} (release {release.Name}, {field})")
                    .Render(TemplateData.ForRelease(state, release, values: values), context);

        var name = Render(release.Name, "name");
        var rendered = release with
        {
            Name = name,
            Namespace = release.Namespace is null ? null : Render(release.Namespace, "namespace"),
            Chart = Render(release.Chart, "chart"),
            Version = release.Version is null ? null : Render(release.Version, "version"),
            Labels = release.Labels.ToDictionary(
                p => p.Key,
                p => Render(p.Value, $"labels.{p.Key}")
            ),
            Values = release
                .Values.Select(v =>
                    v is ValuesFile file ? file with { Path = Render(file.Path, "values") } : v
                )
                .ToList(),
            Set = release
                .Set.Select(s =>
                    s with
                    {
                        Value = s.Value is string text ? Render(text, $"set {s.Name}") : s.Value,
                    }
                )
                .ToList(),
        };
        var installed = Installed(
            rendered,
            release.Installed is string text ? Render(text, "installed") : release.Installed
        );
        var condition = ConditionHolds(rendered, state);
        return new ResolvedRelease(
            rendered,
            installed && condition,
            installed
                ? (condition ? null : $"condition {release.Condition} is false")
                : "installed: false"
        );
    }

    private static bool Installed(ReleaseSpec release, object? installed) =>
        installed switch
        {
            null => true,
            bool flag => flag,
            string text when bool.TryParse(text.Trim(), out var flag) => flag,
            _ => throw new SourceLocatedException(
                $"{release.DeclaredIn}: release '{release.Name}': installed must be true or false, not '{installed}'.",
                release.DeclaredIn
            ),
        };

    private static bool ConditionHolds(ReleaseSpec release, DeclaredState state)
    {
        if (release.Condition is null)
        {
            return true;
        }
        return ValueMerge.Lookup(state.Values, release.Condition) switch
        {
            bool flag => flag,
            null => throw new SourceLocatedException(
                $"{release.DeclaredIn}: release '{release.Name}' has condition '{release.Condition}', but the values of "
                    + $"environment '{state.Environment}' do not set it. Add it (true or false) to that environment's values.",
                release.DeclaredIn
            ),
            var other => throw new SourceLocatedException(
                $"{release.DeclaredIn}: release '{release.Name}': condition '{release.Condition}' must be true or false, "
                    + $"not {YamlData.Describe(other)}.",
                release.DeclaredIn
            ),
        };
    }
}

/// <summary>A release after templating, with whether it renders and, when not, why.</summary>
internal sealed record ResolvedRelease(ReleaseSpec Spec, bool Enabled, string? DisabledReason)
{
    /// <summary>The selectors of the state that declared it (a nested state's own); null means the command line's.</summary>
    public IReadOnlyList<Selection.ReleaseSelector>? Selectors { get; init; }
}
