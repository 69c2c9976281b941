using System.Security.Cryptography;

namespace Pipelines.Tools;

/// <summary>
/// Fetches one npm package tarball with <c>npm pack</c> and checks it against the <c>dist.integrity</c> the build
/// pins (the registry's sha512 Subresource Integrity string, as package-lock.json records it), so a registry or
/// mirror that serves other bytes under the same name and version is refused.
/// </summary>
internal static class NpmTarball
{
    /// <summary>Writes the verified tarball into <paramref name="workDirectory"/> and returns its path.</summary>
    public static async Task<string> PackAsync(
        string spec,
        string integrity,
        string workDirectory,
        CancellationToken cancellationToken
    )
    {
        // --ignore-scripts: packing only needs the tarball, never the package's lifecycle scripts.
        await ToolRunner.Default.RunAsync(
            ToolCommand
                .For("npm")
                .WithArguments("pack", spec, "--ignore-scripts")
                .WithWorkingDirectory(workDirectory)
                // A private registry or mirror in .npmrc may read its credentials from these.
                .WithInheritedSecrets("NPM_TOKEN", "NODE_AUTH_TOKEN"),
            ToolOutput.Capture,
            cancellationToken
        );
        var tarball =
            Directory.GetFiles(workDirectory, "*.tgz").SingleOrDefault()
            ?? throw new InvalidDataException($"npm pack {spec} wrote no .tgz");
        var actual = await IntegrityOfAsync(tarball, cancellationToken);
        if (actual != integrity)
        {
            throw new IntegrityException(
                $"npm pack {spec}: the tarball's integrity is {actual}, but the build pins {integrity}. "
                    + "The registry (or a mirror in .npmrc) served a different package than the published one; "
                    + "nothing was installed. If the pin itself was updated, update the integrity beside it "
                    + $"(npm view {spec} dist.integrity)."
            );
        }
        return tarball;
    }

    /// <summary>"sha512-&lt;base64&gt;" of a file, as npm writes <c>dist.integrity</c>.</summary>
    public static async Task<string> IntegrityOfAsync(
        string file,
        CancellationToken cancellationToken
    )
    {
        await using var stream = File.OpenRead(file);
        return "sha512-"
            + Convert.ToBase64String(await SHA512.HashDataAsync(stream, cancellationToken));
    }
}
