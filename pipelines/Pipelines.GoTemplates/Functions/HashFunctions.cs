using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pipelines.GoTemplates.Functions;

/// <summary>sprig's checksums of a string's UTF-8 bytes: hex for the SHA family, decimal for adler32.</summary>
internal static class HashFunctions
{
    public static IEnumerable<TemplateFunction> All =>
        [
            new("sha1sum", 1, 1, call => Hex(SHA1.HashData(Bytes(call)))),
            new("sha256sum", 1, 1, call => Hex(SHA256.HashData(Bytes(call)))),
            new("sha512sum", 1, 1, call => Hex(SHA512.HashData(Bytes(call)))),
            new(
                "adler32sum",
                1,
                1,
                call => Adler32(Bytes(call)).ToString(CultureInfo.InvariantCulture)
            ),
        ];

    private static byte[] Bytes(FunctionCall call) => Encoding.UTF8.GetBytes(call.String(0));

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    private static uint Adler32(byte[] data)
    {
        const uint Modulus = 65521;
        uint a = 1,
            b = 0;
        foreach (var value in data)
        {
            a = (a + value) % Modulus;
            b = (b + a) % Modulus;
        }
        return (b << 16) | a;
    }
}
