using System.Globalization;
using Pipelines.Engine;
using Pipelines.Helmfile.State;
using Pipelines.Tools;

namespace Pipelines.Helmfile.Rendering;

/// <summary>
/// The <c>helm template</c> call for one release on one cluster: the cluster's Kubernetes version and extra API
/// versions, the values files in layering order (the release's <c>set:</c> entries are the last of them, see
/// <see cref="SetValues"/>, never <c>--set</c> arguments), the chart a local folder (remote charts are pulled first,
/// see <see cref="ChartRepositories"/>), CRDs included and chart tests skipped, as the team's Argo CD plugin renders (<c>helmfile template --include-crds --skip-tests</c>).
/// </summary>
internal static class HelmTemplateCommand
{
    public static ToolCommand Create(
        string helm,
        HelmHome home,
        ReleaseSpec release,
        ChartReference chart,
        string kubernetesVersion,
        IEnumerable<string> apiVersions,
        IEnumerable<string> valuesFiles,
        IEnumerable<string> extraArgs
    )
    {
        var command = home.Apply(ToolCommand.For(helm))
            .WithArguments("template")
            .WithArguments("--namespace", release.Namespace ?? "default")
            .WithArguments("--kube-version", $"v{kubernetesVersion}.0")
            .WithArguments("--include-crds", "--skip-tests");
        foreach (var api in apiVersions.Distinct().Order(StringComparer.Ordinal))
        {
            command = command.WithArguments("--api-versions", api);
        }
        foreach (var file in valuesFiles)
        {
            command = command.WithArguments("--values", file);
        }
        // The positionals go last, after "--": a release or chart that starts with '-' is never read as a flag.
        return command.WithArguments(extraArgs).WithArguments("--", release.Name, chart.Reference);
    }

    /// <summary>A set entry as helm's --set syntax would write it (commas and backslashes escaped; a list {a,b}), for the cache key.</summary>
    internal static string SetValueText(SetValue set) =>
        set.Values is { } list
            ? "{" + string.Join(",", list.Select(v => Escape(Text(v)))) + "}"
            : Escape(Text(set.Value));

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace(",", "\\,");

    private static string Text(object? value) =>
        value switch
        {
            null => "null",
            bool flag => flag ? "true" : "false",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
}

/// <summary>Isolated helm state (cache, config, data) under .nuke/temp/helm, so a user's repositories and plugins never leak in.</summary>
internal sealed record HelmHome(AbsolutePath Directory)
{
    public ToolCommand Apply(ToolCommand command) =>
        command
            .WithEnvironment("HELM_CACHE_HOME", Directory / "cache")
            .WithEnvironment("HELM_CONFIG_HOME", Directory / "config")
            .WithEnvironment("HELM_DATA_HOME", Directory / "data");
}
