using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace Pipelines.Clusters;

/// <summary>An IAM role's ARN, as clusters.yaml names the pipeline's roles; anything else is refused when read.</summary>
[Description("an IAM role ARN (arn:aws:iam::<account>:role/<name>)")]
internal sealed record IamRoleArn(string Value) : IParsable<IamRoleArn>
{
    public static IamRoleArn Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var arn)
            ? arn
            : throw new FormatException(
                $"'{s}' is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)."
            );

    public static bool TryParse(
        [NotNullWhen(true)] string? s,
        IFormatProvider? provider,
        [MaybeNullWhen(false)] out IamRoleArn result
    )
    {
        result =
            s is not null
            && s.StartsWith("arn:", StringComparison.Ordinal)
            && s.Contains(":role/", StringComparison.Ordinal)
                ? new IamRoleArn(s)
                : null;
        return result is not null;
    }
}
