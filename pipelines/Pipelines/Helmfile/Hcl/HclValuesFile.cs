using Pipelines.Failures;

namespace Pipelines.Helmfile.Hcl;

/// <summary>
/// Which values files are HCL (<c>.hcl</c>, as helmfile decides), and the refusal of one in release values, where
/// helmfile would hand it to helm as YAML. Environment values read them through <see cref="HclValuesLoader"/>.
/// </summary>
internal static class HclValuesFile
{
    public static bool IsHcl(string path) => path.EndsWith(".hcl", StringComparison.Ordinal);

    /// <summary>For release values: helmfile itself reads HCL only for environment values, so helm would get the file.</summary>
    public static SourceLocatedException NotForReleases(
        string relative,
        string declaredIn,
        string release
    ) =>
        new(
            $"{relative}: an HCL values file in the values of release '{release}' ({declaredIn}): helmfile reads .hcl "
                + "files only in environment values (environments.<name>.values), and helm cannot read HCL. Move it to "
                + "the environment's values and use its values through .Values in a .gotmpl values file, or write YAML.",
            relative
        );
}
