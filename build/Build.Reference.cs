using Pipelines.Engine;

/// <summary>
/// Reference data the repository carries from other projects, with its origin beside it: eksctl's ClusterConfig
/// schema, which the tests validate generated ClusterConfig files against.
/// </summary>
partial class Build
{
    [Parameter(
        "eksctl release tag (v0.220.0) or commit whose ClusterConfig schema UpdateEksctlSchema copies"
    )]
    readonly string? EksctlVersion;

    Target UpdateEksctlSchema =>
        _ =>
            _.Description(
                    "Refresh the repository's copy of eksctl's ClusterConfig schema from GitHub (--eksctl-version)"
                )
                .Requires(() => EksctlVersion)
                .Executes(async ct =>
                {
                    var update = new EksctlSchemaUpdate(
                        RootDirectory / EksctlSchemaUpdate.RelativeDirectory,
                        EksctlSchemaUpdate.GitHubRawUrl
                    );
                    var url = await update.RunAsync(EksctlVersion!, ct);
                    Console.WriteLine(
                        $"Wrote {update.SchemaFile.RelativeTo(RootDirectory)} from {url}; review it with git diff."
                    );
                    Report("eksctl", EksctlSchemaUpdate.GitReference(EksctlVersion!));
                });
}
