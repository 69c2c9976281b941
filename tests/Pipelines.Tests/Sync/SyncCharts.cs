namespace Pipelines.Tests.Sync;

/// <summary>Small local charts added to the harness's copy of the project config, each as one more release.</summary>
internal static class SyncCharts
{
    /// <summary>Writes <c>charts/NAME</c> with the given templates and appends a release of it to helmfile.yaml.</summary>
    public static void AddRelease(
        SyncHarness harness,
        string name,
        string ns,
        params (string File, string Yaml)[] templates
    )
    {
        harness.Workspace.Write(
            $"charts/{name}/Chart.yaml",
            $"apiVersion: v2\nname: {name}\nversion: 0.1.0\n"
        );
        foreach (var (file, yaml) in templates)
        {
            harness.Workspace.Write($"charts/{name}/templates/{file}", yaml);
        }
        var state = harness.Workspace.Root / "helmfile" / "helmfile.yaml";
        File.WriteAllText(
            state,
            File.ReadAllText(state).TrimEnd('\n')
                + $"\n\n  - name: {name}\n    namespace: {ns}\n    chart: ../charts/{name}\n"
        );
    }

    /// <summary>A ConfigMap in the release namespace, with a sync wave when one is given.</summary>
    public static (string File, string Yaml) ConfigMap(string name, string? wave = null) =>
        (
            $"{name}.yaml",
            $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: {{{{ .Release.Namespace }}}}\n"
                + (wave is null ? "" : $"  annotations:\n    pipelines/sync-wave: \"{wave}\"\n")
                + "data:\n  key: value\n"
        );
}
