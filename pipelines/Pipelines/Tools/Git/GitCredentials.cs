using System.Text;
using Pipelines.Engine;
using Pipelines.Tools;

namespace Pipelines.Tools.Git;

/// <summary>
/// An HTTPS token for the config repo, given to git as an <c>http.extraHeader</c> through <c>GIT_CONFIG_*</c>
/// environment variables, as actions/checkout does: it never appears in a URL, an argument or a log line.
/// </summary>
internal sealed class GitCredentials
{
    private readonly string _header;
    private readonly string _scope;

    private GitCredentials(string scope, string token)
    {
        _scope = scope;
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + token));
        _header = "AUTHORIZATION: basic " + basic;
        Log.RegisterSecret(token);
        Log.RegisterSecret(basic);
    }

    /// <summary>Credentials for an http(s) remote; null for local paths, ssh remotes or no token.</summary>
    public static GitCredentials? For(string repository, string? token)
    {
        if (
            string.IsNullOrEmpty(token)
            || !Uri.TryCreate(repository, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        )
        {
            return null;
        }
        return new GitCredentials($"{uri.Scheme}://{uri.Authority}/", token);
    }

    public ToolCommand ApplyTo(ToolCommand command) =>
        command
            .WithEnvironment("GIT_CONFIG_COUNT", "1")
            .WithEnvironment("GIT_CONFIG_KEY_0", $"http.{_scope}.extraheader")
            .WithEnvironment("GIT_CONFIG_VALUE_0", _header);
}
