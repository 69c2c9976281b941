using System.Text.RegularExpressions;
using Pipelines.Helmfile.Manifests;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.Patches;

/// <summary>
/// kustomize's patch <c>target</c>: <c>group</c>, <c>version</c> and <c>kind</c> compared exactly, <c>name</c> and
/// <c>namespace</c> as anchored regular expressions, <c>labelSelector</c> and <c>annotationSelector</c> as label
/// selectors; a field left out matches anything. The namespace compared is the one the object's YAML sets,
/// <c>default</c> when it sets none (helm does not add it), as kustomize sees chartify's files.
/// </summary>
internal sealed class PatchTarget
{
    private static readonly string[] Fields =
    [
        "group",
        "version",
        "kind",
        "name",
        "namespace",
        "labelSelector",
        "annotationSelector",
    ];

    private readonly Dictionary<string, string> _fields;
    private readonly Regex? _name;
    private readonly Regex? _namespace;
    private readonly LabelSelector? _labels;
    private readonly LabelSelector? _annotations;

    private PatchTarget(Dictionary<string, string> fields)
    {
        _fields = fields;
        _name = Anchored(fields.GetValueOrDefault("name"), "name");
        _namespace = Anchored(fields.GetValueOrDefault("namespace"), "namespace");
        _labels = fields.GetValueOrDefault("labelSelector") is { } l
            ? LabelSelector.Parse(l)
            : null;
        _annotations = fields.GetValueOrDefault("annotationSelector") is { } a
            ? LabelSelector.Parse(a)
            : null;
    }

    /// <summary>How errors and warnings name the target, e.g. <c>kind ConfigMap, name web</c>.</summary>
    public override string ToString() =>
        _fields.Count == 0
            ? "every object"
            : string.Join(", ", _fields.Select(p => $"{p.Key} {p.Value}"));

    /// <exception cref="PatchFailure">The target is not a mapping of the fields above to strings.</exception>
    public static PatchTarget Parse(object? target)
    {
        if (target is not Dictionary<string, object?> map)
        {
            throw new PatchFailure(
                $"'target' must be a mapping such as {{kind: Deployment, name: web}}, not {YamlData.Describe(target)}."
            );
        }
        var fields = new Dictionary<string, string>();
        foreach (var (key, value) in map)
        {
            if (!Fields.Contains(key))
            {
                // kustomize ignores an unknown field, so a typo would patch every object; refuse it instead.
                throw new PatchFailure(
                    $"'target' has an unknown field '{key}'; kustomize selects by {string.Join(", ", Fields)}."
                );
            }
            if (value is not (string or long or bool))
            {
                throw new PatchFailure(
                    $"target '{key}' must be a string, not {YamlData.Describe(value)}."
                );
            }
            fields[key] = ObjectIdentity.Scalar(value);
        }
        return new PatchTarget(fields.Where(p => p.Value.Length > 0).ToDictionary());
    }

    public bool Matches(ManifestObject manifest)
    {
        var data = (Dictionary<string, object?>)manifest.Data!;
        var (group, version) = ObjectIdentity.GroupVersion(manifest.ApiVersion);
        return Equal("group", group)
            && Equal("version", version)
            && Equal("kind", manifest.Kind)
            && (_name is null || _name.IsMatch(manifest.Name))
            && (
                _namespace is null
                || _namespace.IsMatch(ObjectIdentity.EffectiveNamespace(manifest))
            )
            && (_labels is null || _labels.Matches(ObjectIdentity.StringMap(data, "labels")))
            && (
                _annotations is null
                || _annotations.Matches(ObjectIdentity.StringMap(data, "annotations"))
            );
    }

    private bool Equal(string field, string actual) =>
        !_fields.TryGetValue(field, out var wanted) || wanted == actual;

    private static Regex? Anchored(string? pattern, string field)
    {
        if (pattern is null)
        {
            return null;
        }
        try
        {
            return new Regex(
                $"^(?:{pattern})$",
                RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(5)
            );
        }
        catch (ArgumentException exception)
        {
            throw new PatchFailure(
                $"target {field} '{pattern}' is not a regular expression: {exception.Message}"
            );
        }
    }
}
