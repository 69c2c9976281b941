using Pipelines.Failures;
using Pipelines.Helmfile.State;

namespace Pipelines.Tests.Helmfile;

/// <summary>
/// helmfile's HCL environment values: values and locals blocks, hv. and local. references, functions, precedence
/// over YAML, and clear errors for what the subset does not evaluate. Cases follow helmfile's docs/environments.md.
/// </summary>
public sealed class HclValuesTests : IDisposable
{
    private readonly HelmfileWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private DeclaredState Load(params string[] valuesFiles)
    {
        _workspace.Write(
            "helmfile/helmfile.yaml",
            "environments:\n  default:\n    values:\n"
                + string.Concat(valuesFiles.Select(f => $"      - {f}\n"))
        );
        return new StateLoader(_workspace.Root, HelmfileWorkspace.Templates()).Load(
            _workspace.Root / "helmfile" / "helmfile.yaml",
            "default"
        );
    }

    private SourceLocatedException LoadError(string hcl)
    {
        _workspace.Write("helmfile/bad.hcl", hcl);
        return Assert.Throws<SourceLocatedException>(() => Load("bad.hcl"));
    }

    [Fact]
    public void Values_are_shared_across_files_and_locals_stay_in_their_file()
    {
        // Arrange
        _workspace.Write(
            "helmfile/values1.hcl",
            """
            # values1.hcl
            locals {
              hostname = "host1"
            }
            values {
              domain = "DEV.EXAMPLE.COM"
              hostnameV1 = "${local.hostname}.${lower(hv.domain)}"
            }
            """
        );
        _workspace.Write(
            "helmfile/values2.hcl",
            """
            locals {
              hostname = "host2"
            }
            values {
              hostnameV2 = "${local.hostname}.${hv.domain}"
            }
            """
        );

        // Act
        var state = Load("values1.hcl", "values2.hcl");

        // Assert
        Assert.Equal("host1.dev.example.com", state.Values["hostnameV1"]);
        Assert.Equal("host2.DEV.EXAMPLE.COM", state.Values["hostnameV2"]);
        Assert.False(state.Values.ContainsKey("hostname"));
    }

    [Fact]
    public void Hcl_values_override_yaml_values_whatever_their_order_and_later_hcl_files_win()
    {
        // Arrange
        _workspace.Write("helmfile/values1.yaml", "domain: dev.example.com\nkept: k\n");
        _workspace.Write(
            "helmfile/values2.hcl",
            "values {\n  domain = \"overdev.example.com\"\n  env = \"dev\"\n  tags = { team = \"sre\", tier = \"web\" }\n}\n"
        );
        _workspace.Write(
            "helmfile/values3.hcl",
            "values {\n  env = \"local\"\n  tags = { tier = \"api\" }\n}\n"
        );
        _workspace.Write("helmfile/values4.yaml", "domain: from-yaml-after-hcl\n");

        // Act
        var state = Load("values1.yaml", "values2.hcl", "values3.hcl", "values4.yaml");

        // Assert
        Assert.Equal("overdev.example.com", state.Values["domain"]);
        Assert.Equal("local", state.Values["env"]);
        Assert.Equal("k", state.Values["kept"]);
        var tags = (Dictionary<string, object?>)state.Values["tags"]!;
        Assert.Equal(("sre", "api"), (tags["team"], tags["tier"]));
    }

    [Fact]
    public void Expressions_functions_and_heredocs_evaluate_as_go_cty_does()
    {
        // Arrange
        _workspace.Write(
            "helmfile/values.hcl",
            """
            locals {
              regions = ["eu-west-1", "us-east-1"]
              base    = { replicas = 2, image = "nginx" }
            }
            values {
              replicas  = local.base.replicas * 3 + 1
              ratio     = 7 / 2
              primary   = local.regions[0]
              joined    = join(",", local.regions)
              count     = length(local.regions)
              big       = hv.replicas > 5 ? "big" : "small"
              merged    = merge(local.base, { image = upper("alpine") })
              label     = format("%s-%d", "web", 3)
              escaped   = "a\tb $${literal}"
              safe      = try(local.base.missing, "fallback")
              note      = <<-EOT
                line one
                  line two
                EOT
            }
            """
        );

        // Act
        var values = Load("values.hcl").Values;

        // Assert
        Assert.Equal(7.0, values["replicas"]);
        Assert.Equal(3.5, values["ratio"]);
        Assert.Equal("eu-west-1", values["primary"]);
        Assert.Equal("eu-west-1,us-east-1", values["joined"]);
        Assert.Equal(2.0, values["count"]);
        Assert.Equal("big", values["big"]);
        Assert.Equal("ALPINE", ((Dictionary<string, object?>)values["merged"]!)["image"]);
        Assert.Equal("web-3", values["label"]);
        Assert.Equal("a\tb ${literal}", values["escaped"]);
        Assert.Equal("fallback", values["safe"]);
        Assert.Equal("line one\n  line two\n", values["note"]);
    }

    [Fact]
    public void A_reference_to_an_undefined_value_names_it_and_its_position()
    {
        // Act
        var error = LoadError("values {\n  a = \"x\"\n  b = hv.nope\n}\n");

        // Assert
        Assert.Equal(
            "helmfile/bad.hcl:3:7: hv.nope is not defined in any values block (defined: a, b)",
            error.Message
        );
    }

    [Fact]
    public void A_cycle_between_values_is_an_error()
    {
        // Act
        var error = LoadError("values {\n  a = hv.b\n  b = hv.a\n}\n");

        // Assert
        Assert.Contains("depends on itself", error.Message);
        Assert.StartsWith("helmfile/bad.hcl:", error.Message);
    }

    [Fact]
    public void A_local_referencing_a_value_is_refused_as_helmfile_refuses_it()
    {
        // Act
        var error = LoadError("locals {\n  x = hv.a\n}\nvalues {\n  a = 1\n  b = local.x\n}\n");

        // Assert
        Assert.StartsWith("helmfile/bad.hcl:2:7: a local cannot reference hv.a", error.Message);
    }

    [Theory]
    [InlineData(
        "values {\n  a = [for r in [1] : r]\n}\n",
        "bad.hcl:2:7: for expressions are not supported"
    )]
    [InlineData(
        "values {\n  a = yamlencode({})\n}\n",
        "bad.hcl:2:7: yamlencode(): this function of helmfile's HCL is not evaluated"
    )]
    [InlineData("values {\n  a = nosuch(1)\n}\n", "bad.hcl:2:7: nosuch(): unknown function")]
    [InlineData("variable \"x\" {\n}\n", "bad.hcl:1:1: block 'variable' must be followed by '{'")]
    [InlineData("terraform {\n}\n", "bad.hcl:1:1: unsupported block 'terraform'")]
    [InlineData("a = 1\n", "bad.hcl:1:1: attribute 'a' outside a block")]
    [InlineData("values {\n  a = \"x\"\n", "bad.hcl:3:1: the values block is not closed")]
    [InlineData("values {\n  a = \"open\n}\n", "bad.hcl:2:7: the string is not closed")]
    [InlineData("locals {\n}\nlocals {\n}\n", "bad.hcl:3:1: a file can hold only one locals block")]
    [InlineData(
        "values {\n  a = \"%{ if true }x%{ endif }\"\n}\n",
        "bad.hcl:2:8: template directives"
    )]
    public void Constructs_outside_the_subset_and_syntax_errors_name_file_line_and_column(
        string hcl,
        string expected
    )
    {
        // Act
        var error = LoadError(hcl);

        // Assert
        Assert.StartsWith("helmfile/" + expected, error.Message);
    }

    [Fact]
    public async Task An_hcl_file_in_release_values_is_refused_because_helmfile_reads_hcl_only_for_environments()
    {
        // Arrange
        using var workspace = new HelmfileWorkspace().WithProjectConfig();
        var helmfile = workspace.Root / "helmfile" / "helmfile.yaml";
        File.WriteAllText(
            helmfile,
            File.ReadAllText(helmfile)
                .Replace(
                    "      - values/apps/web/{{ .Environment.Name }}.yaml\n",
                    "      - values/apps/web/{{ .Environment.Name }}.yaml\n      - values/apps/web/extra.hcl\n"
                )
        );
        workspace.Write("helmfile/values/apps/web/extra.hcl", "values {\n  a = 1\n}\n");

        // Act
        var error = await Assert.ThrowsAsync<SourceLocatedException>(() =>
            workspace.RenderTestEnvironmentAsync(references: null)
        );

        // Assert
        Assert.Contains(
            "helmfile/values/apps/web/extra.hcl: an HCL values file in the values of release 'web'",
            error.Message
        );
        Assert.Contains("only in environment values", error.Message);
        Assert.Empty(workspace.RenderedFiles);
    }
}
