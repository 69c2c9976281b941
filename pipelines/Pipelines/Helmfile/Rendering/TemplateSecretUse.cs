using Pipelines.GoTemplates;

namespace Pipelines.Helmfile.Rendering;

/// <summary>Whether any template of a render resolved a secret through <c>fetchSecretValue</c> or <c>expandSecretRefs</c>.</summary>
internal sealed class TemplateSecretUse(TemplateSecretResolver inner)
{
    private volatile bool _used;

    public bool Used => _used;

    public IReadOnlyDictionary<string, object?> Resolve(
        IReadOnlyDictionary<string, object?> data,
        string file
    )
    {
        _used = true;
        return inner(data, file);
    }
}
