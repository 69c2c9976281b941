using Pipelines.Engine;
using Pipelines.TestServers;

namespace Pipelines.Tests;

public class SchemaIsCurrentTests
{
    [Fact]
    public void The_committed_build_schema_matches_the_build()
    {
        // Arrange
        var committed = Path.Combine(RepositoryRoot.Path, ".nuke", "build.schema.json");

        // Act
        var generated = SchemaGenerator.Generate(
            new Build(),
            AbsolutePath.Create(RepositoryRoot.Path)
        );

        // Assert
        Assert.True(
            File.Exists(committed),
            "Missing .nuke/build.schema.json: run ./build.sh GenerateSchema"
        );
        Assert.True(
            File.ReadAllText(committed) == generated,
            ".nuke/build.schema.json is stale: run ./build.sh GenerateSchema and commit the result."
        );
    }
}
