using System.Security.Cryptography;
using System.Text;
using Pipelines.Sync.Diff;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.Manifests;

/// <summary>
/// Rendered manifests as a diff may show them: every value under a v1 Secret's <c>data</c> and <c>stringData</c> is
/// replaced by <c>*** hash:&lt;12 hex&gt;</c>, and on the new side by <c>*** changed, hash:…</c> or
/// <c>*** added, hash:…</c>, so a reviewer sees which key changed and never its value. The hash is an HMAC under a
/// key drawn once per process: equal values look equal within one diff, but a short, guessable secret (a PIN) cannot
/// be found again by hashing candidates offline.
/// </summary>
internal static class SecretRedaction
{
    private static readonly byte[] HashKey = RandomNumberGenerator.GetBytes(32);
    private static readonly string[] Sections = ["data", "stringData"];

    /// <summary>
    /// Both manifest streams (as <see cref="ManifestStream.Join"/> writes them) with Secret values redacted; texts
    /// without a Secret come back as they are.
    /// </summary>
    public static (string Before, string After) Redact(string before, string after)
    {
        if (!MayHoldSecret(before) && !MayHoldSecret(after))
        {
            return (before, after);
        }
        var old = ManifestStream.Parse(before, "diff", null);
        var next = ManifestStream.Parse(after, "diff", null);
        var oldSecrets = old.Where(IsSecret)
            .GroupBy(Identity)
            .ToDictionary(g => g.Key, g => (Dictionary<string, object?>)g.First().Data!);
        return (
            ManifestStream.Join(old.Select(o => IsSecret(o) ? Masked(o, null, false) : o)),
            ManifestStream.Join(
                next.Select(o =>
                    IsSecret(o) ? Masked(o, oldSecrets.GetValueOrDefault(Identity(o)), true) : o
                )
            )
        );
    }

    private static bool MayHoldSecret(string text) =>
        text.Contains("Secret", StringComparison.Ordinal);

    private static bool IsSecret(ManifestObject manifest) =>
        manifest.Data is Dictionary<string, object?> map && SecretMask.IsSecret(map);

    private static string Identity(ManifestObject manifest) =>
        $"{manifest.Namespace}/{manifest.Name}";

    /// <summary>The Secret with its values hashed; <paramref name="old"/> (the other side) says what changed.</summary>
    private static ManifestObject Masked(
        ManifestObject secret,
        Dictionary<string, object?>? old,
        bool isNewSide
    )
    {
        var data = new Dictionary<string, object?>((Dictionary<string, object?>)secret.Data!);
        foreach (var section in Sections)
        {
            if (data.GetValueOrDefault(section) is not Dictionary<string, object?> values)
            {
                continue;
            }
            var before = old?.GetValueOrDefault(section) as Dictionary<string, object?>;
            data[section] = values.ToDictionary(
                p => p.Key,
                p => (object?)Describe(p.Value, before, p.Key, isNewSide)
            );
        }
        return secret with { Yaml = YamlData.ToYaml(data).TrimEnd('\n'), Data = data };
    }

    private static string Describe(
        object? value,
        Dictionary<string, object?>? before,
        string key,
        bool isNewSide
    )
    {
        var hash = "hash:" + Hash(value);
        if (!isNewSide)
        {
            return $"*** {hash}";
        }
        if (before is null || !before.TryGetValue(key, out var was))
        {
            return $"*** added, {hash}";
        }
        return Hash(was) == Hash(value) ? $"*** {hash}" : $"*** changed, {hash}";
    }

    private static string Hash(object? value)
    {
        var text = value switch
        {
            null => "",
            string s => s,
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
        return Convert.ToHexStringLower(HMACSHA256.HashData(HashKey, Encoding.UTF8.GetBytes(text)))[
            ..12
        ];
    }
}
