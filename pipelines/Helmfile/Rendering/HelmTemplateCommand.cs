using System.Globalization;
using Pipelines.Engine;
using Pipelines.Helmfile.State;
using Pipelines.Tools;

namespace Pipelines.Helmfile.Rendering;

/// <summary>
/// The <c>helm template</c> call for one release on one cluster: the cluster's Kubernetes version and extra API
/// versions, the values files in layering order, <c>--set</c> entries escaped as helmfile escapes them, CRDs
/// included and chart tests skipped, as the team's Argo CD plugin renders (<c>helmfile template --include-crds --skip-tests</c>).
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
            .WithArguments("template", release.Name, chart.Reference)
            .WithArguments("--namespace", release.Namespace ?? "default")
            .WithArguments("--kube-version", $"v{kubernetesVersion}.0")
            .WithArguments("--include-crds", "--skip-tests");
        if (chart.RepositoryUrl is not null)
        {
            command = command.WithArguments("--repo", chart.RepositoryUrl);
        }
        if (release.Version is not null && !chart.IsLocal)
        {
            command = command.WithArguments("--version", release.Version);
        }
        foreach (var api in apiVersions.Distinct().Order(StringComparer.Ordinal))
        {
            command = command.WithArguments("--api-versions", api);
        }
        foreach (var file in valuesFiles)
        {
            command = command.WithArguments("--values", file);
        }
        foreach (var set in release.Set)
        {
            command = command.WithArguments("--set", $"{set.Name}={SetValueText(set)}");
        }
        return command.WithArguments(extraArgs);
    }

    /// <summary>helm's --set syntax: commas and backslashes escaped; a list becomes {a,b}.</summary>
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
