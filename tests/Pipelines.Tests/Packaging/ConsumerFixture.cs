using Pipelines.Tests.Bootstrap;

namespace Pipelines.Tests.Packaging;

/// <summary>
/// Builds a small consumer that references the packed Pipelines (and only the package) the way another repository
/// would, once, in a folder under /tmp that dispose deletes.
/// </summary>
public sealed class ConsumerFixture(PackedPackages packages) : IAsyncLifetime
{
    private const string NuGetOrg = "https://api.nuget.org/v3/index.json";

    public string Root { get; } = RepositoryCopy.NewTemporaryDirectory("package");

    public string Version => packages.Version;

    public string Feed => packages.Feed;

    public string ConsumerDirectory => Path.Combine(Root, "consumer");

    public string ConsumerAssembly { get; private set; } = "";

    public async Task InitializeAsync()
    {
        try
        {
            await BuildAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task BuildAsync()
    {
        WriteConsumer();
        var build = await ChildProcess.RunAsync(
            "dotnet",
            ["build", "consumer.csproj", "--nologo", "-v", "q", "-clp:NoSummary"],
            ConsumerDirectory,
            timeout: ChildProcess.ColdCompileTimeout
        );
        Assert.True(build.ExitCode == 0, "the consumer did not build: " + build.Describe());
        ConsumerAssembly = Directory
            .EnumerateFiles(
                Path.Combine(ConsumerDirectory, "bin"),
                "consumer.dll",
                SearchOption.AllDirectories
            )
            .Single();
    }

    public Task DisposeAsync()
    {
        RepositoryCopy.DeleteDirectory(Root);
        return Task.CompletedTask;
    }

    /// <summary>Starts <c>dotnet consumer.dll args</c> in the consumer's folder.</summary>
    internal ChildProcess Start(params string[] arguments) =>
        ChildProcess.Start("dotnet", [ConsumerAssembly, .. arguments], ConsumerDirectory);

    internal Task<ProcessResult> RunAsync(params string[] arguments) =>
        ChildProcess.RunAsync("dotnet", [ConsumerAssembly, .. arguments], ConsumerDirectory);

    private void WriteConsumer()
    {
        Directory.CreateDirectory(Path.Combine(ConsumerDirectory, ".nuke"));
        // A packages folder of its own, so the machine-wide one never holds this run's Pipelines.
        Write(
            "NuGet.config",
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="{NuGetOrg}" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local">
                  <package pattern="Pipelines" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """
        );
        Write(
            "consumer.csproj",
            $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <AssemblyName>consumer</AssemblyName>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Pipelines" Version="{Version}" />
              </ItemGroup>
            </Project>
            """
        );
        Write(
            "Build.cs",
            """
            using Pipelines.Engine;

            class Build : PipelineBuild, IGreeting
            {
                public static int Main() => Execute<Build>(x => x.Hello);

                Target Hello => _ => _.Executes(() => Console.WriteLine("hello from consumer"));

                Target Wait => _ => _.Executes(async ct => await Task.Delay(Timeout.Infinite, ct));
            }

            interface IGreeting : IPipelineBuild
            {
                [Parameter("Who to greet")]
                string Greeted => TryGetValue(() => Greeted) ?? "nobody";

                Target Greet =>
                    _ => _.Description("Greets --greeted").Executes(() => Console.WriteLine($"greetings, {Greeted}"));
            }
            """
        );
    }

    private void Write(string name, string text) =>
        File.WriteAllText(Path.Combine(ConsumerDirectory, name), text);
}
