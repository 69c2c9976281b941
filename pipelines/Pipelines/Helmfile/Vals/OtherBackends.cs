using System.Text.RegularExpressions;

namespace Pipelines.Helmfile.Vals;

/// <summary>
/// vals references to backends other than Parameter Store (<c>ref+vault://</c>, <c>ref+awssecrets://</c>, ...). They
/// are refused by name: passed on as text they would reach the manifests as the reference instead of the secret.
/// </summary>
internal static partial class OtherBackends
{
    [GeneratedRegex(
        @"(?:secret)?ref\+(?!awsssm://)[a-z0-9]+://[^\s""',]*",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex Pattern();

    /// <summary>The first such reference in the strings of <paramref name="data"/>, or null.</summary>
    public static string? First(object? data) =>
        data switch
        {
            string text => Pattern().Match(text) is { Success: true } match ? match.Value : null,
            IReadOnlyDictionary<string, object?> map => map
                .Values.Select(First)
                .FirstOrDefault(r => r is not null),
            IReadOnlyList<object?> list => list.Select(First).FirstOrDefault(r => r is not null),
            _ => null,
        };

    public static string Refusal(string reference) =>
        $"{reference}: only ref+awsssm:// (AWS Parameter Store) references are resolved here; render with the real "
        + "helmfile binary (--renderer helmfile) for other vals backends";
}
