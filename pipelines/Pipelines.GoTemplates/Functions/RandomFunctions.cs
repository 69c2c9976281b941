using System.Security.Cryptography;

namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// sprig's random functions. Their results differ on every run by design, so each is marked non-deterministic:
/// a render that calls one is never cached.
/// </summary>
internal static class RandomFunctions
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";

    public static IEnumerable<TemplateFunction> All =>
        new TemplateFunction[]
        {
            new("randAlphaNum", 1, 1, call => Random(call, Letters + Digits)),
            new("randAlpha", 1, 1, call => Random(call, Letters)),
            new("randNumeric", 1, 1, call => Random(call, Digits)),
            new(
                "randAscii",
                1,
                1,
                call => Random(call, string.Concat(Enumerable.Range(32, 95).Select(c => (char)c)))
            ),
            new("randInt", 2, 2, RandInt),
            new("randBytes", 1, 1, RandBytes),
            new("uuidv4", 0, 0, _ => Guid.NewGuid().ToString()),
            new("shuffle", 1, 1, call => Shuffle(call.String(0))),
        }.Select(f => f with { NonDeterministic = true });

    private static string Random(FunctionCall call, string alphabet)
    {
        var count = call.Int(0);
        return count < 0
            ? throw call.Fail($"the count must be at least 0, got {count}")
            : RandomNumberGenerator.GetString(alphabet, (int)count);
    }

    private static object? RandInt(FunctionCall call)
    {
        var (min, max) = (GoCast.ToInt64(call[0]), GoCast.ToInt64(call[1]));
        return max <= min
            ? throw call.Fail(
                "invalid argument to Intn: the maximum must be greater than the minimum"
            )
            : System.Random.Shared.NextInt64(min, max);
    }

    private static object? RandBytes(FunctionCall call)
    {
        var count = call.Int(0);
        return count < 0
            ? throw call.Fail($"the count must be at least 0, got {count}")
            : Convert.ToBase64String(RandomNumberGenerator.GetBytes((int)count));
    }

    private static string Shuffle(string text)
    {
        var runes = text.EnumerateRunes().ToArray();
        System.Random.Shared.Shuffle(runes);
        return string.Concat(runes.Select(r => r.ToString()));
    }
}
