using Pipelines.TestServers;

namespace Pipelines.Yaml.Tests;

/// <summary>
/// Golden files of the YAML editor tests, read from the source tree: <c>Golden/&lt;case&gt;.input.yaml</c> is edited
/// as the test says and must equal <c>Golden/&lt;case&gt;.expected.yaml</c> byte for byte; several edits of one
/// input are <c>&lt;case&gt;.&lt;edit&gt;.expected.yaml</c>.
/// </summary>
internal static class Golden
{
    private static string Folder { get; } =
        Path.Combine(RepositoryRoot.Path, "tests", "Pipelines.Yaml.Tests", "Golden");

    public static string Input(string name) =>
        File.ReadAllText(Path.Combine(Folder, name + ".input.yaml"));

    public static string Expected(string name) =>
        File.ReadAllText(Path.Combine(Folder, name + ".expected.yaml"));
}
