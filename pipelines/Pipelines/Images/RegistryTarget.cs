using System.Text.RegularExpressions;
using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Images;

/// <summary>A parsed <c>--registry</c>: <c>host[:port][/path]</c>, or <c>local</c> for a registry started here.</summary>
internal sealed partial record RegistryTarget(string Host, string Path)
{
    public bool IsLocal { get; private init; }

    /// <summary>
    /// Plain HTTP without certificate checks, only ever for a registry on this machine: the host itself must be
    /// loopback (127.0.0.1.example.com and localhost.example.com are not).
    /// </summary>
    public bool IsLoopback => IsLoopbackHost(Host);

    /// <summary>
    /// Whether <c>host[:port]</c> (or an image reference starting with it) names this machine: localhost, an
    /// address in 127.0.0.0/8, or [::1].
    /// </summary>
    public static bool IsLoopbackHost(string hostAndPort)
    {
        var host = hostAndPort.Split('/')[0];
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']');
            if (close < 0 || (close + 1 < host.Length && host[close + 1] != ':'))
            {
                return false;
            }
            host = host[1..close];
        }
        else if (host.IndexOf(':') is var colon and >= 0)
        {
            host = host[..colon];
        }
        return host == "localhost"
            || (
                System.Net.IPAddress.TryParse(host, out var address)
                && System.Net.IPAddress.IsLoopback(address)
                // TryParse takes "127.1" and "2130706433" too; only a written-out address counts.
                && (host.Count(c => c == '.') == 3 || host.Contains(':'))
            );
    }

    /// <summary>The region of an ECR host (<c>&lt;account&gt;.dkr.ecr.&lt;region&gt;.amazonaws.com</c>), else null.</summary>
    public string? EcrRegion =>
        EcrHost().Match(Host) is { Success: true } match ? match.Groups["region"].Value : null;

    public bool IsGhcr => Host == "ghcr.io";

    /// <summary>The image's full repository: <c>host[:port]/[path/]name</c>.</summary>
    public string Repository(string name) => $"{Host}/{RepositoryPath(name)}";

    /// <summary>The repository's name in the registry's API (<c>/v2/&lt;name&gt;/...</c>): the part after the host.</summary>
    public string RepositoryPath(string name) => Path.Length == 0 ? name : $"{Path}/{name}";

    /// <summary>The registry's API: plain HTTP for a registry on this machine only, HTTPS anywhere else.</summary>
    public Uri ApiBase => new((IsLoopback ? "http://" : "https://") + Host);

    public static RegistryTarget Parse(string value)
    {
        if (value == "local")
        {
            return new RegistryTarget("127.0.0.1", "") { IsLocal = true };
        }
        var match = RegistryPattern().Match(value.Trim().TrimEnd('/'));
        if (!match.Success)
        {
            throw new UsageException(
                $"--registry '{value}' is not host[:port][/path] (lowercase path) or local. "
                    + "Examples: 123456789012.dkr.ecr.eu-west-1.amazonaws.com, ghcr.io/my-org, 127.0.0.1:5000, local"
            );
        }
        return new RegistryTarget(match.Groups["host"].Value, match.Groups["path"].Value);
    }

    /// <summary>The local registry once it listens: same target, real port.</summary>
    public RegistryTarget WithPort(int port) => this with { Host = $"127.0.0.1:{port}" };

    [GeneratedRegex(
        @"^(?<host>[A-Za-z0-9.-]+(:[0-9]{1,5})?|\[::1\](:[0-9]{1,5})?)(/(?<path>[a-z0-9._/-]+))?$"
    )]
    private static partial Regex RegistryPattern();

    [GeneratedRegex(@"^[0-9]{12}\.dkr\.ecr\.(?<region>[a-z0-9-]+)\.amazonaws\.com$")]
    private static partial Regex EcrHost();
}
