namespace Pipelines.Helmfile.State;

/// <summary>
/// A helmfile state as declared: what <c>helmfile.yaml</c> (and its bases and parts) say before any environment
/// is applied. Field names and meanings follow helmfile's documentation.
/// </summary>
public sealed record HelmfileState
{
    public Dictionary<string, EnvironmentSpec> Environments { get; init; } = [];

    /// <summary>Top-level <c>values:</c>: the default state values every environment starts from.</summary>
    public List<ValuesEntry> DefaultValues { get; init; } = [];
    public List<RepositorySpec> Repositories { get; init; } = [];
    public HelmDefaults HelmDefaults { get; init; } = new();
    public List<ReleaseSpec> Releases { get; init; } = [];
}

/// <summary>An environment: its values files and inline maps, in layering order.</summary>
public sealed record EnvironmentSpec(
    string Name,
    List<ValuesEntry> Values,
    MissingFileHandler MissingFileHandler,
    string? KubeContext
);

/// <summary>What to do when a values file named in the state does not exist (helmfile's <c>missingFileHandler</c>).</summary>
public enum MissingFileHandler
{
    Error,
    Warn,
    Info,
    Debug,
}

/// <summary>One entry of a <c>values:</c> list: a file path (relative to the declaring file) or an inline map.</summary>
public abstract record ValuesEntry(string DeclaredIn);

public sealed record ValuesFile(string Path, string DeclaredIn) : ValuesEntry(DeclaredIn);

internal sealed record InlineValues(Dictionary<string, object?> Values, string DeclaredIn)
    : ValuesEntry(DeclaredIn);

/// <summary>A chart repository; <c>oci: true</c> makes <c>repo/chart</c> an OCI reference.</summary>
public sealed record RepositorySpec(string Name, string Url, bool Oci)
{
    /// <summary>Basic-auth user; when empty, helmfile's <c>&lt;NAME&gt;_USERNAME</c> environment variable.</summary>
    public string? Username { get; init; }

    /// <summary>Basic-auth password; when empty, helmfile's <c>&lt;NAME&gt;_PASSWORD</c> environment variable. A secret.</summary>
    public string? Password { get; init; }

    /// <summary>Send the credentials to chart URLs on other hosts too (helm's <c>--pass-credentials</c>).</summary>
    public bool PassCredentials { get; init; }

    /// <summary>An OCI registry spoken to over plain HTTP (helm's <c>--plain-http</c>).</summary>
    public bool PlainHttp { get; init; }

    /// <summary>Skip TLS certificate checks (helm's <c>--insecure-skip-tls-verify</c>).</summary>
    public bool SkipTlsVerify { get; init; }
    public string? CaFile { get; init; }
    public string? CertFile { get; init; }
    public string? KeyFile { get; init; }

    /// <summary>Name and URL only: the record's generated text would print the password.</summary>
    public override string ToString() => $"{Name} ({Url})";
}

/// <summary>The <c>helmDefaults</c> that change what <c>helm template</c> renders.</summary>
public sealed record HelmDefaults
{
    public string? KubeContext { get; init; }

    /// <summary>Extra arguments helmfile passes to every helm call (<c>helmDefaults.args</c>).</summary>
    public List<string> Args { get; init; } = [];

    /// <summary>Skip <c>helm dependency build</c> of local charts (<c>helmDefaults.skipDeps</c>).</summary>
    public bool SkipDeps { get; init; }

    /// <summary>The post-renderer of releases that name none (<c>helmDefaults.postRenderer</c>).</summary>
    public string? PostRenderer { get; init; }
    public List<string> PostRendererArgs { get; init; } = [];
}

/// <summary>One <c>set:</c> entry: <c>name</c> with <c>value</c>, or <c>values</c> (a list), as <c>--set</c> takes them.</summary>
public sealed record SetValue(string Name, object? Value, List<object?>? Values);

/// <summary>A release as declared; template expressions in its fields are rendered per environment later.</summary>
public sealed record ReleaseSpec
{
    public required string Name { get; init; }
    public string? Namespace { get; init; }
    public required string Chart { get; init; }
    public string? Version { get; init; }
    public Dictionary<string, string> Labels { get; init; } = [];
    public List<ValuesEntry> Values { get; init; } = [];
    public List<SetValue> Set { get; init; } = [];
    public List<string> Needs { get; init; } = [];

    /// <summary>A bool, or a template string rendering to one.</summary>
    public object? Installed { get; init; }

    /// <summary>A dotted path into the environment values that must be true, e.g. <c>web.enabled</c>.</summary>
    public string? Condition { get; init; }
    public string? KubeVersion { get; init; }
    public List<string> ApiVersions { get; init; } = [];
    public MissingFileHandler MissingFileHandler { get; init; } = MissingFileHandler.Error;

    /// <summary><c>skipDeps</c>: true or false overrides <c>helmDefaults.skipDeps</c>; null leaves it.</summary>
    public bool? SkipDeps { get; init; }

    /// <summary>A program the rendered manifests pass through (helm's post-renderer), and its arguments.</summary>
    public string? PostRenderer { get; init; }
    public List<string> PostRendererArgs { get; init; } = [];

    /// <summary><c>jsonPatches</c>, <c>strategicMergePatches</c> and <c>transformers</c>, applied after helm renders.</summary>
    internal Patches.PatchEntries Patches { get; init; } = Helmfile.Patches.PatchEntries.None;

    /// <summary>The state file that declared the release; relative paths resolve against its folder.</summary>
    public required string DeclaredIn { get; init; }

    /// <summary>The release's <c>hooks:</c>; <c>prepare</c> and <c>cleanup</c> run around the render.</summary>
    internal IReadOnlyList<HookSpec> Hooks { get; init; } = [];

    /// <summary><c>namespace/name</c>, the form <c>needs</c> uses.</summary>
    public string Id => $"{Namespace ?? ""}/{Name}";
}
