using Pipelines.Failures;
using static Pipelines.GoTemplates.Tests.TemplateKit;

namespace Pipelines.GoTemplates.Tests;

/// <summary>
/// fetchSecretValue and expandSecretRefs through TemplateContext.Secrets. The resolver here is an in-memory table;
/// Parameter Store itself is exercised through the product's wiring in Pipelines.Tests (RenderSecretFunctionTests).
/// </summary>
public class SecretFunctionTests
{
    private static readonly Dictionary<string, string> Store = new()
    {
        ["ref+awsssm://db/password"] = "s3cr3t",
        ["ref+awsssm://api/token"] = "t0k3n",
    };

    private static IReadOnlyDictionary<string, object?> Resolve(
        IReadOnlyDictionary<string, object?> data,
        string file
    ) =>
        data.ToDictionary(
            p => p.Key,
            p =>
                p.Value is string text && text.StartsWith("ref+", StringComparison.Ordinal)
                    ? Store.TryGetValue(text, out var secret)
                        ? secret
                        : throw new TemplateSecretException($"{file}: {text} does not exist")
                    : p.Value
        );

    private static TemplateOutput Execute(string template) =>
        GoTemplate
            .Parse(template, TemplateFile)
            .Execute(Root(), Context() with { Secrets = Resolve });

    [Fact]
    public void FetchSecretValue_returns_the_secret_and_the_render_is_never_cached()
    {
        // Act
        var output = Execute(
            "password: {{ fetchSecretValue \"ref+awsssm://db/password\" | quote }}"
        );

        // Assert
        Assert.Equal("password: \"s3cr3t\"", output.Text);
        Assert.False(output.Deterministic);
    }

    [Fact]
    public void ExpandSecretRefs_replaces_every_reference_in_a_map()
    {
        // Act
        var output = Execute(
            "{{ $s := expandSecretRefs (dict \"db\" \"ref+awsssm://db/password\" \"user\" \"app\") }}{{ $s.db }} {{ $s.user }}"
        );

        // Assert
        Assert.Equal("s3cr3t app", output.Text);
        Assert.False(output.Deterministic);
    }

    [Fact]
    public void A_reference_that_cannot_be_resolved_is_an_error_at_the_call()
    {
        // Act
        var error = Assert.Throws<SourceLocatedException>(() =>
            Execute("\n  {{ fetchSecretValue \"ref+awsssm://nope\" }}")
        );

        // Assert
        Assert.Equal(
            $"{TemplateFile}:2:6: at <fetchSecretValue \"ref+awsssm://nope\">: error calling fetchSecretValue: ref+awsssm://nope does not exist",
            error.Message
        );
    }

    [Fact]
    public void Without_a_secret_resolver_the_functions_refuse()
    {
        // Act
        var error = RenderError("{{ fetchSecretValue \"ref+awsssm://db/password\" }}");

        // Assert
        Assert.Contains("secret references are not enabled", error.Message);
    }
}
