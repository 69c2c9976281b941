namespace Pipelines.TestServers.Kubernetes;

/// <summary>One request the fake API server received, for assertions on what a client sent.</summary>
/// <param name="Query">The raw query string including the leading <c>?</c>, or empty.</param>
public sealed record KubeRequest(string Method, string Path, string Query, string? ContentType)
{
    public override string ToString() => $"{Method} {Path}{Query}";
}
