using Pipelines.Helmfile.Manifests;

namespace Pipelines.Sync.Kube;

/// <summary>Where objects of one kind live in the API: group, version, plural, and whether they are namespaced.</summary>
internal sealed record ResourceType(
    string Group,
    string Version,
    string Kind,
    string Plural,
    bool Namespaced
)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>
    /// Built-in kinds follow Kubernetes' own pluralisation (ingress -> ingresses, networkpolicy -> networkpolicies);
    /// their scope comes from the table in <see cref="ResourceScope"/>.
    /// </summary>
    public static ResourceType BuiltIn(string apiVersion, string kind)
    {
        var (group, version) = Split(apiVersion);
        return new ResourceType(
            group,
            version,
            kind,
            Pluralize(kind),
            !ResourceScope.IsClusterScoped(apiVersion, kind)
        );
    }

    public static (string Group, string Version) Split(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/');
        return slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }

    private static string Pluralize(string kind)
    {
        var lower = kind.ToLowerInvariant();
        return lower switch
        {
            "endpoints" => "endpoints",
            _ when lower.EndsWith('s') => lower + "es",
            _ when lower.EndsWith('y') && lower.Length > 1 && !"aeiou".Contains(lower[^2]) => lower[
                ..^1
            ] + "ies",
            _ => lower + "s",
        };
    }

    public override string ToString() => $"{ApiVersion}/{Kind}";
}
