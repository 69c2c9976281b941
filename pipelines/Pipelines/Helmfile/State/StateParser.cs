using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Helmfile.State;

/// <summary>Turns one parsed part of a state file into its declarations, checking every field name.</summary>
internal static class StateParser
{
    private static readonly string[] TopLevel =
    [
        "bases",
        "environments",
        "values",
        "repositories",
        "helmDefaults",
        "releases",
        "commonLabels",
        "templates",
        "apiVersions",
        "kubeVersion",
        "helmfiles",
        "hooks",
        "missingFileHandler",
    ];

    // They change how helmfile runs helm, not what a template renders.
    private static readonly string[] TopLevelIgnored =
    [
        "lockFilePath",
        "helmBinary",
        "kustomizeBinary",
        "missingFileHandlerConfig",
    ];

    private static readonly string[] EnvironmentFields =
    [
        "values",
        "missingFileHandler",
        "kubeContext",
    ];

    private static readonly string[] EnvironmentIgnored = ["missingFileHandlerConfig"];

    private static readonly string[] RepositoryFields =
    [
        "name",
        "url",
        "oci",
        "username",
        "password",
        "certFile",
        "keyFile",
        "caFile",
        "passCredentials",
        "skipTLSVerify",
        "plainHttp",
    ];

    // Chart signatures and a separate registry config change where helm looks, not what a chart renders.
    private static readonly string[] RepositoryIgnored =
    [
        "verify",
        "keyring",
        "registryConfig",
        "managed",
    ];

    private static readonly string[] HelmDefaultsFields =
    [
        "kubeContext",
        "args",
        "skipDeps",
        "postRenderer",
        "postRendererArgs",
    ];

    private static readonly string[] HelmDefaultsIgnored =
    [
        "keyring",
        "waitRetries",
        "skipRefresh",
        "cascade",
        "plainHttp",
        "wait",
        "waitForJobs",
        "timeout",
        "recreatePods",
        "force",
        "atomic",
        "cleanupOnFail",
        "createNamespace",
        "historyMax",
        "verify",
        "devel",
        "reuseValues",
        "disableValidation",
        "disableOpenAPIValidation",
        "insecureSkipTLSVerify",
        "diffArgs",
        "syncArgs",
        "deleteWait",
        "deleteTimeout",
        "suppressOutputLineRegex",
    ];

    /// <summary>One part: the bases it names, and what it declares.</summary>
    public sealed record Part(
        List<string> Bases,
        HelmfileState State,
        Dictionary<string, string> CommonLabels
    )
    {
        public List<SubHelmfileSpec> Helmfiles { get; init; } = [];
        public List<HookSpec> Hooks { get; init; } = [];
        public MissingFileHandler? SubHelmfileMissingHandler { get; init; }
    }

    /// <summary>The <c>bases</c> a part names, read before the rest so that its releases can inherit their templates.</summary>
    public static List<string> Bases(Dictionary<string, object?> document, string file) =>
        new MapReader(document, file, "helmfile state", TopLevel, TopLevelIgnored).Strings("bases");

    /// <summary>
    /// Parses a part; its <c>templates</c> join <paramref name="templates"/> (those of earlier parts and bases), which
    /// its releases' <c>inherit:</c> draws on.
    /// </summary>
    public static Part Parse(
        Dictionary<string, object?> document,
        string file,
        Dictionary<string, Dictionary<string, object?>> templates
    )
    {
        var reader = new MapReader(document, file, "helmfile state", TopLevel, TopLevelIgnored);
        foreach (var (name, template) in reader.Mapping("templates"))
        {
            templates[name] =
                template as Dictionary<string, object?>
                ?? throw reader.Error(
                    "templates",
                    $"release template '{name}' must be a mapping of release fields, not {Yaml.Data.YamlData.Describe(template)}."
                );
        }
        var environments = new Dictionary<string, EnvironmentSpec>();
        foreach (var (name, spec) in reader.Mapping("environments"))
        {
            environments[name] = ParseEnvironment(name, spec, file);
        }
        var state = new HelmfileState
        {
            Environments = environments,
            DefaultValues = ValuesEntries(reader.List("values"), file),
            Repositories = reader
                .List("repositories")
                .Select(r => ParseRepository(r, file))
                .ToList(),
            HelmDefaults = ParseHelmDefaults(
                reader.Has("helmDefaults") ? reader.Map["helmDefaults"] : null,
                file
            ),
            Releases = reader
                .List("releases")
                .Select(
                    (r, i) =>
                        ReleaseParser.Parse(
                            ReleaseInheritance.Apply(r, i, templates, file),
                            i,
                            file,
                            reader.String("kubeVersion"),
                            reader.Strings("apiVersions")
                        )
                )
                .ToList(),
        };
        var commonLabels = reader
            .Mapping("commonLabels")
            .ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "");
        return new Part(reader.Strings("bases"), state, commonLabels)
        {
            Helmfiles = SubHelmfileSpec.ParseAll(
                reader.List("helmfiles"),
                file,
                Yaml.Data.YamlData.PositionOf(document, "helmfiles")
            ),
            Hooks = HookSpec.ParseAll(reader.List("hooks"), file, "top-level"),
            SubHelmfileMissingHandler = reader.Handler("missingFileHandler"),
        };
    }

    internal static List<ValuesEntry> ValuesEntries(List<object?> entries, string file) =>
        entries
            .Select(entry =>
                entry switch
                {
                    string path => (ValuesEntry)new ValuesFile(path, file),
                    Dictionary<string, object?> map => new InlineValues(map, file),
                    _ => throw new SourceLocatedException(
                        $"{file}: a values entry must be a file path or a mapping, not {Yaml.Data.YamlData.Describe(entry)}.",
                        file
                    ),
                }
            )
            .ToList();

    private static EnvironmentSpec ParseEnvironment(string name, object? spec, string file)
    {
        if (spec is null)
        {
            return new EnvironmentSpec(name, [], MissingFileHandler.Error, null);
        }
        var reader = new MapReader(
            spec,
            file,
            $"environment '{name}'",
            EnvironmentFields,
            EnvironmentIgnored
        );
        return new EnvironmentSpec(
            name,
            ValuesEntries(reader.List("values"), file),
            reader.Handler("missingFileHandler") ?? MissingFileHandler.Error,
            reader.String("kubeContext")
        );
    }

    private static RepositorySpec ParseRepository(object? spec, string file)
    {
        var reader = new MapReader(spec, file, "repository", RepositoryFields, RepositoryIgnored);
        return new RepositorySpec(
            reader.RequiredString("name"),
            reader.RequiredString("url"),
            reader.Bool("oci") ?? false
        )
        {
            Username = reader.String("username"),
            Password = reader.String("password"),
            PassCredentials = reader.Bool("passCredentials") ?? false,
            PlainHttp = reader.Bool("plainHttp") ?? false,
            SkipTlsVerify = reader.Bool("skipTLSVerify") ?? false,
            CaFile = reader.String("caFile"),
            CertFile = reader.String("certFile"),
            KeyFile = reader.String("keyFile"),
        };
    }

    private static HelmDefaults ParseHelmDefaults(object? spec, string file)
    {
        if (spec is null)
        {
            return new HelmDefaults();
        }
        var reader = new MapReader(
            spec,
            file,
            "helmDefaults",
            HelmDefaultsFields,
            HelmDefaultsIgnored
        );
        return new HelmDefaults
        {
            KubeContext = reader.String("kubeContext"),
            Args = reader.Strings("args"),
            SkipDeps = reader.Bool("skipDeps") ?? false,
            PostRenderer = reader.String("postRenderer"),
            PostRendererArgs = reader.Strings("postRendererArgs"),
        };
    }
}
