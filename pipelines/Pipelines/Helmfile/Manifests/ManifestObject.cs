namespace Pipelines.Helmfile.Manifests;

/// <summary>One Kubernetes object from <c>helm template</c> output.</summary>
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
);
