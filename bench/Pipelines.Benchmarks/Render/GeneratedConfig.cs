using System.Text;
using Pipelines.Engine;

namespace Pipelines.Benchmarks.Render;

/// <summary>
/// A generated k8s config for the render benchmark: N releases of the project's app chart in each of three
/// environments, one cluster per environment, each release with its own values file.
/// </summary>
internal static class GeneratedConfig
{
    public static readonly string[] Environments = ["test", "stage", "prod"];

    public static void Write(AbsolutePath root, AbsolutePath appChart, int releases)
    {
        Directory.CreateDirectory(root / ".nuke");
        CopyDirectory(appChart, root / "charts" / "app");
        var state = new StringBuilder("environments:\n");
        foreach (var environment in Environments)
        {
            state.Append($"  {environment}:\n    values:\n      - values/{environment}.yaml\n");
            File.WriteAllText(
                Create(root / "helmfile" / "values" / $"{environment}.yaml"),
                $"domain: {environment}.example.com\n"
            );
        }
        state.Append("---\nreleases:\n");
        for (var i = 0; i < releases; i++)
        {
            var name = $"svc{i:D3}";
            state.Append(
                $"  - name: {name}\n    namespace: team{i % 6}\n    chart: ../charts/app\n"
            );
            state.Append(
                $"    labels:\n      tier: app\n    values:\n      - values/apps/{name}.yaml\n"
            );
            File.WriteAllText(
                Create(root / "helmfile" / "values" / "apps" / $"{name}.yaml"),
                $"image:\n  repository: registry.example.com/{name}\n  tag: \"1.0.{i}\"\n"
                    + $"replicaCount: {1 + i % 3}\ningress:\n  enabled: true\n  hosts:\n    - host: {name}.example.com\n"
                    + "      paths:\n        - path: /\n          pathType: Prefix\n"
                    + $"config:\n  INDEX: \"{i}\"\n"
            );
        }
        File.WriteAllText(root / "helmfile" / "helmfile.yaml", state.ToString());
        var clusters = new StringBuilder("environments:\n");
        foreach (var environment in Environments)
        {
            clusters.Append(
                $"  {environment}:\n    region: ap-northeast-1\n    clusters:\n      - name: {environment}-1-33-green\n"
                    + $"        kubernetesVersion: \"1.33\"\n        kubeContext: {environment}\n        color: green\n        state: active\n"
            );
        }
        File.WriteAllText(root / "helmfile" / "clusters.yaml", clusters.ToString());
    }

    private static string Create(AbsolutePath file)
    {
        Directory.CreateDirectory(file.Parent!);
        return file;
    }

    private static void CopyDirectory(AbsolutePath from, AbsolutePath to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(
                file,
                Create(AbsolutePath.Create(Path.Combine(to, Path.GetRelativePath(from, file))))
            );
        }
    }
}
