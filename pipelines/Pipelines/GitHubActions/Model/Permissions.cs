namespace Pipelines.GitHubActions.Model;

/// <summary>
/// The <c>GITHUB_TOKEN</c>'s scopes. Every scope not listed is <c>none</c>, so a job gets exactly what it names.
/// </summary>
public sealed record Permissions
{
    public IReadOnlyList<Permission> Scopes { get; init; } = [];

    /// <summary><c>contents: read</c>: checkout, nothing else. The workflow-level default.</summary>
    public static Permissions ReadContents { get; } =
        new() { Scopes = [new(Scope.Contents, Access.Read)] };

    /// <summary><c>contents: read</c> and write access to these scopes (<c>id-token</c> only knows write).</summary>
    public static Permissions ReadContentsAndWrite(params Scope[] scopes) =>
        new()
        {
            Scopes =
            [
                new(Scope.Contents, Access.Read),
                .. scopes.Select(s => new Permission(s, Access.Write)),
            ],
        };

    public Access? Of(Scope scope) => Scopes.FirstOrDefault(s => s.Scope == scope)?.Access;
}

/// <summary>One scope and its access.</summary>
public sealed record Permission(Scope Scope, Access Access);

/// <summary>The token scopes the pipelines use (GitHub's names in kebab-case).</summary>
public enum Scope
{
    Contents,
    IdToken,
    PullRequests,
    Packages,
    Deployments,
    Statuses,
    Checks,
    Issues,
    Actions,
}

public enum Access
{
    Read,
    Write,
    None,
}
