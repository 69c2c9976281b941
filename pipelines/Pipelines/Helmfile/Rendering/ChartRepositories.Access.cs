using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Helmfile.State;
using Pipelines.Tools;

namespace Pipelines.Helmfile.Rendering;

internal sealed partial class ChartRepositories
{
    /// <summary>
    /// helmfile's credentials rule: the repository's own <c>username</c>/<c>password</c>, else the variables named after
    /// it, upper case with '-' as '_' (<c>my-charts</c>: <c>MY_CHARTS_USERNAME</c>, <c>MY_CHARTS_PASSWORD</c>).
    /// </summary>
    internal static (string? Username, string? Password) Credentials(
        RepositorySpec repository,
        Func<string, string?> environment
    )
    {
        var prefix = repository.Name.Replace('-', '_').ToUpperInvariant();
        var username =
            NullIfEmpty(repository.Username) ?? NullIfEmpty(environment($"{prefix}_USERNAME"));
        var password =
            NullIfEmpty(repository.Password) ?? NullIfEmpty(environment($"{prefix}_PASSWORD"));
        return (username, password);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>Adds an HTTP repository (fetching its index) or logs in to an OCI registry, once per render.</summary>
    private Task PrepareAsync(RepositorySpec repository, CancellationToken cancellationToken) =>
        _prepared
            .GetOrAdd(
                repository.Name,
                _ => new Lazy<Task>(() => PrepareOnceAsync(repository, cancellationToken))
            )
            .Value;

    private async Task PrepareOnceAsync(
        RepositorySpec repository,
        CancellationToken cancellationToken
    )
    {
        var (username, password) = Credentials(repository, environment);
        Log.RegisterSecret(password);
        ToolCommand command;
        if (repository.Oci)
        {
            if (username is null && password is null)
            {
                return; // An anonymous registry needs no login.
            }
            var host = ChartReference.OciLocation(repository.Url).Split('/')[0];
            command = Configured(ToolCommand.For(helm)).WithArguments("registry", "login", host);
            if (repository.PlainHttp)
            {
                command = command.WithArguments("--plain-http");
            }
            if (repository.SkipTlsVerify)
            {
                command = command.WithArguments("--insecure");
            }
        }
        else
        {
            command = WithConnection(
                Configured(ToolCommand.For(helm))
                    .WithArguments(
                        "repo",
                        "add",
                        repository.Name,
                        repository.Url,
                        "--force-update"
                    ),
                repository
            );
            if (repository.PassCredentials)
            {
                command = command.WithArguments("--pass-credentials");
            }
        }
        if (username is not null)
        {
            command = command.WithArguments("--username", username);
        }
        if (password is not null)
        {
            command = command.WithArguments("--password-stdin").WithStandardInput(password);
        }
        try
        {
            await ToolRunner.Default.RunAsync(command, ToolOutput.Capture, cancellationToken);
        }
        catch (ToolException exception)
        {
            throw new ChartSourceException(
                $"repository '{repository.Name}' ({repository.Url}) could not be "
                    + $"{(repository.Oci ? "logged in to" : "added")}: {Log.Mask(exception.Detail)}"
                    + Hint(exception.Detail, repository)
            );
        }
    }

    /// <summary>helm with the render's own repository and registry configs (and isolated homes).</summary>
    private ToolCommand Configured(ToolCommand command) =>
        home.Apply(command)
            .WithArguments("--repository-config", scratch / "repositories.yaml")
            .WithArguments("--registry-config", scratch / "registry.json");

    private static ToolCommand WithConnection(ToolCommand command, RepositorySpec? repository)
    {
        if (repository is null)
        {
            return command;
        }
        if (repository.Oci && repository.PlainHttp)
        {
            command = command.WithArguments("--plain-http");
        }
        if (repository.SkipTlsVerify)
        {
            command = command.WithArguments("--insecure-skip-tls-verify");
        }
        foreach (
            var (flag, file) in new[]
            {
                ("--ca-file", repository.CaFile),
                ("--cert-file", repository.CertFile),
                ("--key-file", repository.KeyFile),
            }
        )
        {
            if (file is not null)
            {
                command = command.WithArguments(flag, file);
            }
        }
        return command;
    }

    private static string Hint(string detail, RepositorySpec repository) =>
        detail.Contains("401", StringComparison.Ordinal)
        || detail.Contains("403", StringComparison.Ordinal)
        || detail.Contains("unauthorized", StringComparison.OrdinalIgnoreCase)
            ? $"\nCheck the credentials: the repository's username/password, or {repository.Name.Replace('-', '_').ToUpperInvariant()}_USERNAME and "
                + $"{repository.Name.Replace('-', '_').ToUpperInvariant()}_PASSWORD in the environment."
            : "";

    /// <summary>Any failure while fetching a chart, as an error that names the release, its file and the chart.</summary>
    private static async Task<T> Failing<T>(
        ReleaseSpec release,
        ChartReference chart,
        Func<Task<T>> work
    )
    {
        try
        {
            return await work();
        }
        catch (Exception exception) when (exception is ToolException or ChartSourceException)
        {
            var detail = exception is ToolException tool
                ? Log.Mask(tool.Detail) + (chart.Repository is { } r ? Hint(tool.Detail, r) : "")
                : exception.Message;
            throw new SourceLocatedException(
                $"{release.DeclaredIn}: release '{release.Name}': chart '{chart.Reference}': {detail}",
                release.DeclaredIn
            );
        }
    }

    /// <summary>A repository could not be reached or refused the credentials.</summary>
    private sealed class ChartSourceException(string message) : Exception(message);
}
