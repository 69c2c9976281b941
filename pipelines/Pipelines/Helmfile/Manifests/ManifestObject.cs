namespace Pipelines.Helmfile.Manifests;

/// <summary>
/// One document of <c>helm template</c> output: a Kubernetes object, or (see <see cref="NotAnObject"/>) anything
/// else helm printed, with empty apiVersion, kind and name where the document does not set them.
/// </summary>
/// <param name="ApiVersion">As written, e.g. <c>apps/v1</c> or <c>v1</c>.</param>
/// <param name="Kind">As written, e.g. <c>Deployment</c>.</param>
/// <param name="Namespace">
/// <c>metadata.namespace</c>, else the release namespace; always null for cluster-scoped kinds.
/// </param>
/// <param name="Name"><c>metadata.name</c>.</param>
/// <param name="SourceTemplate">The path from helm's <c># Source:</c> comment, e.g. <c>app/templates/service.yaml</c>.</param>
/// <param name="Yaml">
/// The document as helm emitted it, without the <c># Source:</c> line and surrounding blank lines;
/// for an item of a <c>List</c>, the item written as block YAML with sorted keys.
/// </param>
/// <param name="Data">The document as plain data (see <see cref="Yaml.Data.YamlData"/>).</param>
public sealed record ManifestObject(
    string ApiVersion,
    string Kind,
    string? Namespace,
    string Name,
    string SourceTemplate,
    string Yaml,
    object? Data
)
{
    /// <summary>
    /// Null for a Kubernetes object; for any other document helm printed (a raw chart's <c>envName: test</c>), what
    /// it lacks, e.g. <c>a ConfigMap has no metadata.name</c>. RenderHelmfile writes such documents as helm printed
    /// them; Sync and kustomize-style patches refuse them.
    /// </summary>
    internal string? NotAnObject { get; init; }

    internal bool IsKubernetesObject => NotAnObject is null;

    /// <summary>One line naming the release, the template and what the document lacks.</summary>
    internal string DescribeNotAnObject(string release) =>
        $"release {release}: {SourceTemplate}: {NotAnObject}";
}
