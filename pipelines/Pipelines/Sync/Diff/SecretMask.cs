using System.Globalization;
using System.Text;

namespace Pipelines.Sync.Diff;

/// <summary>
/// Keeps Secret values out of drift reports. Values under <c>data</c> and <c>stringData</c> of a core v1 Secret are
/// compared for real (data by decoded bytes), but a diff only ever shows <c>*** (unchanged)</c> on both sides, or
/// <c>*** (N bytes)</c> (live) against <c>*** (changed, was N bytes, now M bytes)</c> (desired), or
/// <c>*** (added, M bytes)</c>; a value that is not a string shows as <c>*** (hidden)</c>. Key names are not secret and
/// appear in paths (<c>.data.password</c>); lengths are the only thing a diff reveals about a value.
/// </summary>
internal static class SecretMask
{
    public const string Unchanged = "*** (unchanged)";
    public const string Hidden = "*** (hidden)";

    private static readonly string[] Sections = ["data", "stringData"];

    /// <summary>True for <c>apiVersion: v1, kind: Secret</c>.</summary>
    public static bool IsSecret(Dictionary<string, object?> manifest) =>
        manifest.GetValueOrDefault("apiVersion") is "v1"
        && manifest.GetValueOrDefault("kind") is "Secret";

    /// <summary>
    /// The API server merges <c>stringData</c> into <c>data</c> (base64, stringData winning) and never returns it, so
    /// the desired Secret is compared in that form; a change written under stringData is reported as <c>.data.KEY</c>.
    /// </summary>
    public static Dictionary<string, object?> FoldStringData(Dictionary<string, object?> secret)
    {
        if (secret.GetValueOrDefault("stringData") is not Dictionary<string, object?> stringData)
        {
            return secret;
        }
        var data = secret.GetValueOrDefault("data") is Dictionary<string, object?> existing
            ? new Dictionary<string, object?>(existing)
            : [];
        foreach (var (key, value) in stringData)
        {
            if (value is not null)
            {
                data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(value)));
            }
        }
        var folded = new Dictionary<string, object?>(secret);
        folded.Remove("stringData");
        folded["data"] = data;
        return folded;
    }

    /// <summary>Copies of both sides with every value under <c>data</c> and <c>stringData</c> masked.</summary>
    public static (Dictionary<string, object?> Live, Dictionary<string, object?> Desired) Mask(
        Dictionary<string, object?> live,
        Dictionary<string, object?> desired
    )
    {
        var maskedLive = new Dictionary<string, object?>(live);
        var maskedDesired = new Dictionary<string, object?>(desired);
        foreach (var section in Sections)
        {
            var base64 = section == "data";
            var liveValues = live.GetValueOrDefault(section) as Dictionary<string, object?>;
            var desiredValues = desired.GetValueOrDefault(section) as Dictionary<string, object?>;
            if (live.GetValueOrDefault(section) is not null)
            {
                maskedLive[section] = liveValues is null
                    ? Hidden
                    : liveValues.ToDictionary(
                        p => p.Key,
                        p =>
                            (object?)MaskLive(
                                p.Value,
                                desiredValues?.GetValueOrDefault(p.Key),
                                base64
                            )
                    );
            }
            if (desired.GetValueOrDefault(section) is not null)
            {
                maskedDesired[section] = desiredValues is null
                    ? Hidden
                    : desiredValues.ToDictionary(
                        p => p.Key,
                        p => (object?)MaskDesired(p.Value, liveValues, p.Key, base64)
                    );
            }
        }
        return (maskedLive, maskedDesired);
    }

    /// <summary>True when two base64 texts decode to the same bytes (line breaks and padding aside).</summary>
    public static bool SameBytes(string left, string right)
    {
        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return true;
        }
        var a = Decode(left);
        var b = Decode(right);
        return a is not null && b is not null && a.AsSpan().SequenceEqual(b);
    }

    private static string MaskLive(object? value, object? desired, bool base64) =>
        value is not string text ? Hidden
        : Same(text, desired, base64) ? Unchanged
        : $"*** ({Bytes(text, base64)} bytes)";

    private static string MaskDesired(
        object? value,
        Dictionary<string, object?>? live,
        string key,
        bool base64
    )
    {
        if (value is not string text)
        {
            return Hidden;
        }
        if (live?.GetValueOrDefault(key) is not string was)
        {
            return $"*** (added, {Bytes(text, base64)} bytes)";
        }
        return Same(was, text, base64)
            ? Unchanged
            : $"*** (changed, was {Bytes(was, base64)} bytes, now {Bytes(text, base64)} bytes)";
    }

    private static bool Same(string text, object? other, bool base64) =>
        other is string second
        && (
            base64 ? SameBytes(text, second) : string.Equals(text, second, StringComparison.Ordinal)
        );

    private static int Bytes(string text, bool base64) =>
        base64 && Decode(text) is { } bytes ? bytes.Length : Encoding.UTF8.GetByteCount(text);

    private static byte[]? Decode(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written)
            ? buffer[..written]
            : null;
    }

    private static string Text(object value) =>
        value switch
        {
            string text => text,
            bool flag => flag ? "true" : "false",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
}
