using Amazon.Runtime;
using Amazon.SimpleSystemsManagement.Model;
using Pipelines.Engine;
using Pipelines.Failures;

namespace Pipelines.Helmfile.Vals;

/// <summary>
/// Failures of Parameter Store calls as errors on the file holding the refs, each naming the refs and the fix.
/// AWS error messages name parameters and ARNs, never values, so they are quoted.
/// </summary>
internal static class ParameterStoreErrors
{
    private const string Permissions =
        "The build's AWS identity needs ssm:GetParameters on the parameters (ssm:GetParametersByPath on the "
        + "path, for refs with a #/fragment but no mode=singleparam), and kms:Decrypt on the KMS key of "
        + "SecureString parameters.";

    public static SourceLocatedException Missing(
        IReadOnlyCollection<ParameterReference> references,
        string? region,
        string sourceFile
    )
    {
        var names = string.Join(", ", references.Select(r => r.Name).Distinct());
        var (noun, verb) = references.Count == 1 ? ("parameter", "does") : ("parameters", "do");
        return new(
            $"{sourceFile}: {noun} {names} ({Refs(references)}) {verb} not exist in AWS Parameter Store "
                + $"({RegionText(region)}). Check the name and the region, or create it with "
                + "'aws ssm put-parameter --type SecureString'. "
                + Permissions,
            sourceFile
        );
    }

    public static SourceLocatedException EmptyPath(
        ParameterReference reference,
        string? region,
        string sourceFile
    ) =>
        new(
            $"{sourceFile}: {reference.Text}: there are no parameters under {reference.Name} in AWS Parameter "
                + $"Store ({RegionText(region)}"
                + (
                    reference.Recursive
                        ? ")"
                        : ", one level deep; add recursive=true to read deeper ones)"
                )
                + ". A ref with a #/fragment reads the parameters under the path before the '#'; to read "
                + "a key of one parameter's YAML or JSON value, add mode=singleparam.",
            sourceFile
        );

    public static SourceLocatedException FromService(
        AmazonServiceException exception,
        IReadOnlyCollection<ParameterReference> references,
        string? region,
        string sourceFile
    )
    {
        var refs = Refs(references);
        var message = exception switch
        {
            ParameterNotFoundException => Missing(references, region, sourceFile).Message,
            AccessDeniedException or { ErrorCode: "AccessDeniedException" } =>
                $"{sourceFile}: access denied reading {refs} from AWS Parameter Store ({RegionText(region)}): "
                    + $"{Sentence(exception.Message)} {Permissions}",
            InvalidKeyIdException =>
                $"{sourceFile}: AWS Parameter Store could not decrypt {refs} ({RegionText(region)}): "
                    + $"{Sentence(exception.Message)} Check the KMS key of the SecureString parameter and kms:Decrypt on it.",
            _ =>
                $"{sourceFile}: AWS Parameter Store rejected the request for {refs} ({RegionText(region)}): "
                    + $"{exception.ErrorCode}: {exception.Message}",
        };
        return new(message, sourceFile);
    }

    /// <summary>No credentials, no region, or no connection: the request never got an answer from AWS.</summary>
    public static SourceLocatedException Unreachable(
        Exception exception,
        IReadOnlyCollection<ParameterReference> references,
        string? region,
        string sourceFile
    ) =>
        new(
            $"{sourceFile}: could not read {Refs(references)} from AWS Parameter Store ({RegionText(region)}): "
                + $"{Sentence(exception.Message)} Check the AWS credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID, or the "
                + "instance or pod role) and the region (AWS_REGION, or ?region= on the ref).",
            sourceFile
        );

    // AWS messages end with or without a period; the advice after them starts a new sentence either way.
    private static string Sentence(string message) =>
        message.TrimEnd().EndsWith('.') ? message.TrimEnd() : message.TrimEnd() + ".";

    private static string RegionText(string? region) =>
        region is null ? "the default region" : $"region {region}";

    private static string Refs(IReadOnlyCollection<ParameterReference> references)
    {
        const int Shown = 5;
        var texts = references.Select(r => r.Text).Distinct().ToList();
        var listed = string.Join(", ", texts.Take(Shown));
        return texts.Count > Shown ? $"{listed} and {texts.Count - Shown} more" : listed;
    }
}
