using Pipelines.Engine;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.State;

/// <summary>Reads one entry of <c>releases:</c>.</summary>
internal static class ReleaseParser
{
    private static readonly string[] Fields =
    [
        "name",
        "namespace",
        "chart",
        "version",
        "labels",
        "values",
        "set",
        "needs",
        "installed",
        "condition",
        "kubeVersion",
        "apiVersions",
        "missingFileHandler",
        "skipDeps",
        "postRenderer",
        "postRendererArgs",
        "hooks",
        .. Patches.PatchEntries.Fields,
    ];

    // Only `helm upgrade` sees these; a rendered manifest is the same with or without them.
    private static readonly string[] Ignored =
    [
        "wait",
        "waitForJobs",
        "timeout",
        "atomic",
        "cleanupOnFail",
        "createNamespace",
        "historyMax",
        "force",
        "recreatePods",
        "kubeContext",
        "disableValidation",
        "disableValidationOnInstall",
        "disableOpenAPIValidation",
        "verify",
        "devel",
        "reuseValues",
        "deleteWait",
        "deleteTimeout",
        "syncReleaseLabels",
        "takeOwnership",
        // Diff- and apply-only fields of helmfile's ReleaseSpec (pkg/state/state.go).
        "suppressDiff",
        "suppressOutputLineRegex",
        "waitRetries",
        "keyring",
        "insecureSkipTLSVerify",
        "plainHttp",
        "verifyTemplate",
        "waitTemplate",
        "skipRefresh",
        "cascade",
        "adopt",
        "updateStrategy",
    ];

    public static ReleaseSpec Parse(
        object? entry,
        int index,
        string file,
        string? kubeVersion,
        List<string> apiVersions
    )
    {
        var reader = new MapReader(entry, file, $"release #{index + 1}", Fields, Ignored);
        var name = reader.RequiredString("name");
        reader = new MapReader(entry, file, $"release '{name}'", Fields, Ignored);
        return new ReleaseSpec
        {
            Name = name,
            Namespace = reader.String("namespace"),
            Chart = reader.RequiredString("chart"),
            Version = reader.String("version"),
            Labels = reader.Mapping("labels").ToDictionary(p => p.Key, p => Text(p.Value)),
            Values = StateParser.ValuesEntries(reader.List("values"), file),
            Set = reader.List("set").Select(s => ParseSet(s, file, name)).ToList(),
            Needs = reader.Strings("needs"),
            Installed = reader.Map.GetValueOrDefault("installed"),
            Condition = reader.String("condition"),
            KubeVersion = reader.String("kubeVersion") ?? kubeVersion,
            ApiVersions = [.. apiVersions, .. reader.Strings("apiVersions")],
            MissingFileHandler = reader.Handler("missingFileHandler") ?? MissingFileHandler.Error,
            SkipDeps = reader.Bool("skipDeps"),
            PostRenderer = reader.String("postRenderer"),
            PostRendererArgs = reader.Strings("postRendererArgs"),
            Hooks = HookSpec.ParseAll(reader.List("hooks"), file, $"release '{name}'"),
            Patches = Patches.PatchEntries.Read(reader),
            DeclaredIn = file,
        };
    }

    private static SetValue ParseSet(object? entry, string file, string release)
    {
        var reader = new MapReader(
            entry,
            file,
            $"release '{release}' set entry",
            ["name", "value", "values"],
            []
        );
        var values = reader.Has("values") ? reader.List("values") : null;
        if (!reader.Has("value") && values is null)
        {
            throw reader.Error(
                "name",
                $"release '{release}': a set entry needs 'value' or 'values'."
            );
        }
        return new SetValue(
            reader.RequiredString("name"),
            reader.Map.GetValueOrDefault("value"),
            values
        );
    }

    private static string Text(object? value) =>
        value switch
        {
            null => "",
            bool flag => flag ? "true" : "false",
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
}
