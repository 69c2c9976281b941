using Pipelines.Engine;

/// <summary>
/// The repository's build. Each target family lives in its own Build.&lt;Concern&gt;.cs; this file holds only the
/// entry point and shared paths. Run <c>./build.sh --help</c> for targets and parameters.
/// </summary>
partial class Build : PipelineBuild
{
    public static int Main() => Execute<Build>(x => x.Compile);

    AbsolutePath PipelinesProject => RootDirectory / "pipelines" / "Pipelines" / "Pipelines.csproj";
    AbsolutePath BuildProject => RootDirectory / "build" / "_build.csproj";
    AbsolutePath Solution => RootDirectory / "Pipelines.slnx";
    AbsolutePath TemplatesProject => RootDirectory / "templates" / "Pipelines.Templates.csproj";
    AbsolutePath ArtifactsDirectory => RootDirectory / ".nuke" / "temp" / "artifacts";
}
