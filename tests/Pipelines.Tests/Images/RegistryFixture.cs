using System.Net;
using System.Net.Http.Headers;
using Pipelines.Images;
using Pipelines.TestServers;
using Pipelines.Tools;

namespace Pipelines.Tests.Images;

/// <summary>
/// A real docker-registry on a free loopback port with its storage in a temp folder, holding the sample's base
/// image: <c>FROM scratch</c> plus <c>/bin/busybox</c> from the Debian package busybox-static, built with real
/// buildah and pushed as <c>&lt;registry&gt;/base:busybox</c>. Stopped and deleted after the tests.
/// </summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private readonly string _directory = Directory
        .CreateTempSubdirectory("pipelines-images-registry-")
        .FullName;
    private LocalRegistry? _registry;

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public string Host => _registry!.Host;

    public string BaseImage => $"{Host}/base:busybox";

    /// <summary>The registry's storage, for a second registry (behind auth) to serve the same images.</summary>
    public string Storage => Path.Combine(_directory, "registry", "data");

    public async Task InitializeAsync()
    {
        _registry = await LocalRegistry.StartAsync(Path.Combine(_directory, "registry"), default);
        var context = Path.Combine(_directory, "base");
        Directory.CreateDirectory(Path.Combine(context, "bin"));
        File.Copy("/bin/busybox", Path.Combine(context, "bin", "busybox"));
        File.Copy(
            Path.Combine(RepositoryRoot.Path, "samples", "base", "Dockerfile"),
            Path.Combine(context, "Dockerfile")
        );
        var buildah = ToolCommand
            .For("buildah")
            .WithArguments("--root", Path.Combine(_directory, "root"))
            .WithArguments("--runroot", Path.Combine(_directory, "runroot"));
        await ToolRunner.Default.RunAsync(
            buildah.WithArguments("bud", "--isolation", "chroot", "--tag", BaseImage, context),
            ToolOutput.Capture
        );
        await ToolRunner.Default.RunAsync(
            buildah.WithArguments("push", "--tls-verify=false", BaseImage, $"docker://{BaseImage}"),
            ToolOutput.Capture
        );
    }

    /// <summary>The tag's manifest digest (Docker-Content-Digest) through the registry's HTTP API, or null on 404.</summary>
    public async Task<string?> DigestOfAsync(string repository, string tag)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Head,
            $"http://{Host}/v2/{repository}/manifests/{tag}"
        );
        foreach (
            var type in new[]
            {
                "application/vnd.oci.image.manifest.v1+json",
                "application/vnd.oci.image.index.v1+json",
                "application/vnd.docker.distribution.manifest.v2+json",
                "application/vnd.docker.distribution.manifest.list.v2+json",
            }
        )
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }
        using var response = await Http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Docker-Content-Digest").Single();
    }

    /// <summary>Whether the registry has the repository at all (GET /v2/&lt;repo&gt;/tags/list).</summary>
    public async Task<bool> HasRepositoryAsync(string repository)
    {
        using var response = await Http.GetAsync($"http://{Host}/v2/{repository}/tags/list");
        return response.StatusCode == HttpStatusCode.OK;
    }

    public async Task DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing the run for.
        }
    }
}
