namespace Pipelines.Tests.Clusters;

/// <summary>UpgradeBriefing renders each app with real helm at its cluster's version and at the new one.</summary>
public class UpgradeBriefingTests
{
    [Fact]
    public async Task The_briefing_names_the_removed_api_an_app_still_uses_with_its_diff_and_the_commands_to_move()
    {
        // Arrange: 1.36 is newer than the offline table, so it is briefed with a warning and no support dates.
        using var workspace = new LifecycleWorkspace();
        workspace.AddLegacyApp();
        var output = workspace.Root / "briefing.md";

        // Act
        var result = await workspace.RunAsync(
            "UpgradeBriefing",
            "--env",
            "stage",
            "--kube-version",
            "1.36",
            "--output",
            output
        );

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains(
            "--kube-version 1.36: Kubernetes 1.36 is newer than the newest version in pipelines/Pipelines/Clusters/Calendar/eks-versions.json",
            result.AllOutput
        );
        var markdown = File.ReadAllText(output);
        Assert.Contains("# Kubernetes 1.36 in stage: what changes for each app", markdown);
        Assert.Contains(
            "The new cluster will be **stage-1-36-blue** (Kubernetes 1.36), not provisioned yet",
            markdown
        );
        Assert.Contains(
            "EKS support dates for 1.36 are unknown: it is newer than the EKS calendar this run read.",
            markdown
        );
        Assert.Contains(
            "## legacy\n\nRuns on stage-1-34-blue (Kubernetes 1.34); releases: legacy.",
            markdown
        );
        Assert.Contains(
            "- **blocks the move**: release legacy: legacy/templates/pdb.yaml: PodDisruptionBudget legacy (ns legacy) uses policy/v1beta1, removed in 1.25; use policy/v1",
            markdown
        );
        Assert.Contains("-  kube: \"v1.34.0\"\n+  kube: \"v1.36.0\"", markdown);
        Assert.Contains(
            "./build.sh MigrateApp --env stage --app legacy --to stage-1-36-blue",
            markdown
        );
        Assert.Contains("## web\n\nRuns on stage-1-35-green (Kubernetes 1.35)", markdown);
        Assert.Contains("**Migration deadline:** set when the cluster is provisioned", markdown);
        Assert.Contains("blocked apps: 1", result.NoteOf("UpgradeBriefing"));
    }

    [Fact]
    public async Task The_briefing_for_the_new_green_cluster_gives_its_support_end_and_deadline()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace(new DateOnly(2026, 12, 5));
        var output = workspace.Root / "briefing.md";

        // Act
        var result = await workspace.RunAsync(
            "UpgradeBriefing",
            "--env",
            "stage",
            "--kube-version",
            "1.35",
            "--output",
            output
        );

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        var markdown = File.ReadAllText(output);
        Assert.Contains("The new cluster is **stage-1-35-green** (Kubernetes 1.35).", markdown);
        Assert.Contains("EKS standard support for 1.35 ends 2027-03-27", markdown);
        Assert.Contains("**Migration deadline: 2026-12-07.**", markdown);
        Assert.Contains(
            "## web\n\nAlready runs at Kubernetes 1.35 or newer; nothing to move.",
            markdown
        );
    }

    [Fact]
    public async Task The_briefing_shows_a_changed_secret_key_never_its_value_and_masks_registered_secrets()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        workspace.AddLegacyApp();
        const string token = "ghp_Br1ef1ngT0ken";
        workspace.Write(
            "charts/legacy/templates/secret.yaml",
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: legacy\nstringData:\n"
                + "  PASSWORD: \"pw-{{ .Capabilities.KubeVersion.Version }}\"\n  STATIC: \"same-value\"\n"
        );
        workspace.Write(
            "charts/legacy/templates/note.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: legacy-note\ndata:\n"
                + $"  note: \"{token}-{{{{ .Capabilities.KubeVersion.Version }}}}\"\n"
        );
        var output = workspace.Root / "briefing.md";

        // Act
        var result = await workspace.RunAsync(
            "UpgradeBriefing",
            "--env",
            "stage",
            "--kube-version",
            "1.36",
            "--output",
            output,
            "--github-token",
            token
        );

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        var markdown = File.ReadAllText(output);
        Assert.DoesNotContain("pw-v1.3", markdown);
        Assert.DoesNotContain("same-value", markdown);
        Assert.Matches(@"\n-  PASSWORD: ['""]?\*\*\* hash:[0-9a-f]{12}['""]?\n", markdown);
        Assert.Matches(
            @"\n\+  PASSWORD: ['""]?\*\*\* changed, hash:[0-9a-f]{12}['""]?\n",
            markdown
        );
        Assert.Matches(@"\n   STATIC: ['""]?\*\*\* hash:[0-9a-f]{12}['""]?\n", markdown);
        Assert.DoesNotContain(token, markdown);
        Assert.Contains("note: \"***-v1.36.0\"", markdown);
    }

    [Fact]
    public async Task An_api_the_new_version_still_serves_but_the_next_removes_is_listed_as_deprecated()
    {
        // Arrange
        using var workspace = new LifecycleWorkspace();
        workspace.AddLegacyApp();
        workspace.EditClusters(
            "      - name: stage-1-34-blue\n        kubernetesVersion: \"1.34\"\n        kubeContext: stage-1-34-blue",
            "      - name: stage-1-23-blue\n        kubernetesVersion: \"1.23\"\n        kubeContext: stage-1-23-blue"
        );

        // Act
        var result = await workspace.RunAsync(
            "UpgradeBriefing",
            "--env",
            "stage",
            "--kube-version",
            "1.24"
        );

        // Assert
        Assert.True(result.ExitCode == 0, result.AllOutput);
        var markdown = File.ReadAllText(
            workspace.Root / ".nuke" / "temp" / "upgrade-briefing-stage-1.24.md"
        );
        var legacy = markdown[markdown.IndexOf("## legacy", StringComparison.Ordinal)..];
        Assert.Contains("### Removed APIs\n\nNone", legacy);
        Assert.Contains(
            "- release legacy: PodDisruptionBudget legacy uses policy/v1beta1, removed in 1.25; use policy/v1",
            legacy
        );
        Assert.Contains(
            "## web\n\nAlready runs at Kubernetes 1.24 or newer; nothing to move.",
            markdown
        );
    }
}
