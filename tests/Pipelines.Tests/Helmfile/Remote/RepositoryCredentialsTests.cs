using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Tests.Charts;

namespace Pipelines.Tests.Helmfile.Remote;

/// <summary>
/// A private HTTP chart repository behind basic auth: credentials templated from <c>requiredEnv</c> or taken from
/// helmfile's <c>&lt;NAME&gt;_USERNAME</c>/<c>&lt;NAME&gt;_PASSWORD</c> variables reach it, and never the log, an error
/// or a command line.
/// </summary>
public sealed class RepositoryCredentialsTests(ChartRepositoryFixture charts)
    : IClassFixture<ChartRepositoryFixture>,
        IDisposable
{
    private readonly HelmfileWorkspace _workspace = new HelmfileWorkspace().WithProjectConfig();

    public void Dispose() => _workspace.Dispose();

    private string State(string name, string credentials) =>
        $"""
            environments:
              test: {"{}"}
            ---
            repositories:
              - name: {name}
                url: {charts.Private.Url}
            {credentials}
            releases:
              - name: shop
                namespace: shop
                chart: {name}/shop
                version: "~1.2.0"

            """;

    [Fact]
    public async Task Credentials_templated_from_required_env_open_a_private_repository_and_never_reach_the_log()
    {
        // Arrange
        var log = new LogCapture();
        var state = State(
            "private",
            "    username: {{ requiredEnv \"CHARTS_USER\" }}\n    password: {{ requiredEnv \"CHARTS_SECRET\" }}"
        );

        // Act
        var result = await StateRender.RenderAsync(
            _workspace,
            state,
            null,
            ("CHARTS_USER", ChartRepositoryFixture.Username),
            ("CHARTS_SECRET", ChartRepositoryFixture.Password)
        );

        // Assert
        Assert.Contains("chartVersion: \"1.2.5\"", StateRender.Yaml(result, "shop"));
        Log.Info($"password={ChartRepositoryFixture.Password}");
        Assert.Contains("password=***", log.Text);
        Assert.DoesNotContain(ChartRepositoryFixture.Password, log.Text);
        Assert.DoesNotContain(ChartRepositoryFixture.Password, StateRender.Yaml(result, "shop"));
    }

    [Fact]
    public async Task Credentials_from_the_repository_name_variables_open_a_private_repository()
    {
        // Act
        var result = await StateRender.RenderAsync(
            _workspace,
            State("private-charts", ""),
            null,
            ("PRIVATE_CHARTS_USERNAME", ChartRepositoryFixture.Username),
            ("PRIVATE_CHARTS_PASSWORD", ChartRepositoryFixture.Password)
        );

        // Assert
        Assert.Contains("chartVersion: \"1.2.5\"", StateRender.Yaml(result, "shop"));
    }

    [Fact]
    public async Task Wrong_credentials_are_an_error_naming_the_variables_that_never_shows_the_password()
    {
        // Arrange
        var log = new LogCapture();
        const string wrong = "pw-wrong-Qf6Tn1Vb";

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            StateRender.RenderAsync(
                _workspace,
                State("private-charts", ""),
                null,
                ("PRIVATE_CHARTS_USERNAME", ChartRepositoryFixture.Username),
                ("PRIVATE_CHARTS_PASSWORD", wrong)
            )
        );

        // Assert
        Assert.Contains("release 'shop': chart 'private-charts/shop'", error.Message);
        Assert.Contains("401", error.Message);
        Assert.Contains("PRIVATE_CHARTS_USERNAME and PRIVATE_CHARTS_PASSWORD", error.Message);
        Assert.DoesNotContain(wrong, error.Message);
        Assert.DoesNotContain(wrong, log.Text);
    }

    [Fact]
    public async Task Without_credentials_a_private_repository_is_an_error_saying_where_they_come_from()
    {
        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            StateRender.RenderAsync(_workspace, State("private-charts", ""))
        );

        // Assert
        Assert.Contains("could not be added", error.Message);
        Assert.Contains("Check the credentials", error.Message);
    }

    private string OciState(string name) =>
        $"""
            environments:
              test: {"{}"}
            ---
            repositories:
              - name: {name}
                url: {charts.PrivateOciLocation}
                oci: true
                plainHttp: true
            releases:
              - name: shop
                namespace: shop
                chart: {name}/shop
                version: "1.2.5"

            """;

    [Fact]
    public async Task Credentials_from_the_repository_name_variables_open_a_private_oci_registry_and_never_reach_the_log()
    {
        // Arrange
        var log = new LogCapture();

        // Act
        var result = await StateRender.RenderAsync(
            _workspace,
            OciState("private-oci"),
            null,
            ("PRIVATE_OCI_USERNAME", ChartRepositoryFixture.Username),
            ("PRIVATE_OCI_PASSWORD", ChartRepositoryFixture.Password)
        );

        // Assert
        Assert.Contains("chartVersion: \"1.2.5\"", StateRender.Yaml(result, "shop"));
        Assert.DoesNotContain(ChartRepositoryFixture.Password, log.Text);
    }

    [Fact]
    public async Task Wrong_credentials_for_a_private_oci_registry_are_an_error_that_never_shows_the_password()
    {
        // Arrange
        var log = new LogCapture();
        const string wrong = "pw-wrong-Hs3Jd8Wc";

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            StateRender.RenderAsync(
                _workspace,
                OciState("private-oci"),
                null,
                ("PRIVATE_OCI_USERNAME", ChartRepositoryFixture.Username),
                ("PRIVATE_OCI_PASSWORD", wrong)
            )
        );

        // Assert
        Assert.Contains("private-oci", error.Message);
        Assert.DoesNotContain(wrong, error.Message);
        Assert.DoesNotContain(wrong, log.Text);
    }
}
