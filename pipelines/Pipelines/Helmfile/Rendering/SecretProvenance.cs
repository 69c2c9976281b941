using Pipelines.Helmfile.State;

namespace Pipelines.Helmfile.Rendering;

/// <summary>
/// Whether a render drew on a value resolved from a <c>ref+</c> reference, decided by where the value came from, not
/// by looking for the secret's text in the result (which misses <c>b64enc</c>, <c>sha256sum</c> or a substring, and
/// trips on short values): the template is rendered again with the references left unresolved, and a release whose
/// result changes, or which fails that way, used one. Such a release is never written to the render cache.
/// </summary>
internal sealed class SecretProvenance(Dictionary<string, object?>? unresolvedValues)
{
    /// <summary>For a state whose values held no reference: nothing depends on one.</summary>
    public static SecretProvenance None { get; } = new(null);

    /// <summary>True when <paramref name="renderWith"/> the unresolved values gives other than <paramref name="real"/>.</summary>
    public bool DependsOn(string real, Func<Dictionary<string, object?>, string> renderWith)
    {
        if (unresolvedValues is null)
        {
            return false;
        }
        try
        {
            return renderWith(unresolvedValues) != real;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return true; // the template needed what the reference resolves to (a map, a number, a decodable text)
        }
    }

    /// <summary>Whether a release's templated fields (set values, values paths, name, chart, ...) used a reference.</summary>
    public bool DependsOn(
        DeclaredState state,
        ReleaseSpec declared,
        ResolvedRelease rendered,
        GoTemplates.TemplateContext templates
    ) =>
        DependsOn(
            Fingerprint(rendered),
            values => Fingerprint(ReleaseTemplating.Apply(state, declared, templates, values))
        );

    private static string Fingerprint(ResolvedRelease release)
    {
        var spec = release.Spec;
        return string.Join(
            "\n",
            [
                release.Enabled.ToString(),
                spec.Name,
                spec.Namespace ?? "",
                spec.Chart,
                spec.Version ?? "",
                .. spec.Labels.Select(p => $"{p.Key}={p.Value}"),
                .. spec.Values.OfType<ValuesFile>().Select(f => f.Path),
                .. spec.Set.Select(HelmTemplateCommand.SetValueText),
            ]
        );
    }
}
