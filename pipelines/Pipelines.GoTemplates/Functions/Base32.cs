using System.Text;

namespace Pipelines.GoTemplates.Functions;

/// <summary>RFC 4648 base32 with padding, as Go's base32.StdEncoding (which sprig's b32enc and b32dec use).</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(byte[] data)
    {
        var text = new StringBuilder();
        for (var i = 0; i < data.Length; i += 5)
        {
            var chunk = data.Skip(i).Take(5).ToArray();
            ulong bits = 0;
            for (var j = 0; j < 5; j++)
            {
                bits = (bits << 8) | (j < chunk.Length ? chunk[j] : 0u);
            }
            var symbols = (chunk.Length * 8 + 4) / 5;
            for (var j = 0; j < 8; j++)
            {
                text.Append(j < symbols ? Alphabet[(int)((bits >> (35 - j * 5)) & 31)] : '=');
            }
        }
        return text.ToString();
    }

    /// <summary>Like sprig, a decode error is returned as the result text rather than failing the render.</summary>
    public static string Decode(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i += 8)
        {
            if (i + 8 > text.Length)
            {
                return $"illegal base32 data at input byte {i + (text.Length - i)}";
            }
            ulong bits = 0;
            var symbols = 0;
            for (var j = 0; j < 8; j++)
            {
                var c = text[i + j];
                if (c == '=')
                {
                    bits <<= 5;
                    continue;
                }
                var value = Alphabet.IndexOf(c);
                if (value < 0 || symbols < j)
                {
                    return $"illegal base32 data at input byte {i + j}";
                }
                bits = (bits << 5) | (uint)value;
                symbols++;
            }
            var count = symbols * 5 / 8;
            for (var j = 0; j < count; j++)
            {
                bytes.Add((byte)(bits >> (32 - j * 8)));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
