using Pipelines.Helmfile.Manifests;

namespace Pipelines.Helmfile.Patches.Transformers;

/// <summary>
/// kustomize's NamespaceTransformer: <c>metadata.namespace</c> of every namespaced object, the subjects of
/// RoleBindings and ClusterRoleBindings (<c>setRoleBindingSubjects</c>: <c>defaultOnly</c>, the default, for
/// subjects named <c>default</c>; <c>allServiceAccounts</c>; <c>none</c>), and any other <c>fieldSpecs</c> path.
/// <c>unsetOnly</c> (or the older <c>skipExisting</c>) leaves namespaces already set alone.
/// </summary>
internal sealed class NamespaceTransformer : TransformerConfig
{
    private static readonly string[] Modes = ["defaultOnly", "allServiceAccounts", "none"];
    private readonly string _namespace;
    private readonly bool _unsetOnly;
    private readonly string _subjects;
    private readonly IReadOnlyList<FieldSpec> _specs;

    public NamespaceTransformer(string where, Fields fields)
        : base(where)
    {
        _namespace = ObjectIdentity.Scalar(fields.Map("metadata").GetValueOrDefault("namespace"));
        var unsetOnly = fields.Get("unsetOnly") is true;
        _unsetOnly = fields.Get("skipExisting") is true || unsetOnly;
        _subjects = fields.Get("setRoleBindingSubjects") as string ?? "defaultOnly";
        _specs = fields
            .Specs()
            .Where(s => string.Join('/', s.Path) != "metadata/namespace")
            .ToList();
        if (_namespace.Length == 0)
        {
            throw new PatchFailure(
                $"{where}: needs metadata.namespace, the namespace to set; without it kustomize changes nothing."
            );
        }
        if (!Modes.Contains(_subjects))
        {
            throw new PatchFailure(
                $"{where}: setRoleBindingSubjects '{_subjects}' is not one of {string.Join(", ", Modes)}."
            );
        }
    }

    public override void Transform(IReadOnlyList<PatchedObject> objects)
    {
        foreach (var patched in objects)
        {
            if (!ResourceScope.IsClusterScoped(patched.ApiVersion, patched.Kind))
            {
                var metadata =
                    (Dictionary<string, object?>)(
                        patched.Data.GetValueOrDefault("metadata") as Dictionary<string, object?>
                        ?? (patched.Data["metadata"] = new Dictionary<string, object?>())
                    );
                Set(metadata, "namespace");
            }
            if (patched.Kind is "RoleBinding" or "ClusterRoleBinding" && _subjects != "none")
            {
                foreach (
                    var subject in (
                        patched.Data.GetValueOrDefault("subjects") as List<object?> ?? []
                    ).OfType<Dictionary<string, object?>>()
                )
                {
                    var chosen =
                        _subjects == "allServiceAccounts"
                            ? subject.GetValueOrDefault("kind") as string == "ServiceAccount"
                            : subject.GetValueOrDefault("name") as string == "default";
                    if (chosen)
                    {
                        Set(subject, "namespace");
                    }
                }
            }
            foreach (var spec in _specs.Where(s => s.Selects(patched.Current)))
            {
                spec.Visit(patched.Data, Set);
            }
        }
    }

    private void Set(Dictionary<string, object?> map, string field)
    {
        if (!_unsetOnly || map.GetValueOrDefault(field) is not string { Length: > 0 })
        {
            map[field] = _namespace;
        }
    }
}
