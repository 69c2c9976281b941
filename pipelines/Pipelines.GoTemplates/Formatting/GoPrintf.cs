using System.Text;

namespace Pipelines.GoTemplates.Formatting;

/// <summary>
/// fmt.Sprintf for plain data: flags <c>+ - # space 0</c>, width, precision (also <c>*</c>), and the verbs in
/// <see cref="SupportedVerbs"/>. Mismatches print as Go does (<c>%!d(string=x)</c>, <c>%!s(MISSING)</c>,
/// <c>%!(EXTRA int=1)</c>); Go verbs not implemented here fail instead of printing something different.
/// </summary>
internal static partial class GoPrintf
{
    public const string SupportedVerbs = "%v %s %d %q %t %f %F %e %E %g %G %x %X %c %T %%";

    /// <summary>Go verbs this subset does not implement; anything else unknown prints as a bad verb, like Go.</summary>
    private const string UnimplementedGoVerbs = "boOUp";

    internal sealed record Spec(
        bool Minus,
        bool Plus,
        bool Sharp,
        bool Space,
        bool Zero,
        int? Width,
        int? Precision
    );

    public static string Format(string format, IReadOnlyList<object?> args)
    {
        var text = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                text.Append(format[i]);
                continue;
            }
            var spec = ParseSpec(format, ref i, args, ref next);
            if (i >= format.Length)
            {
                text.Append("%!(NOVERB)");
                break;
            }
            var verb = format[i];
            if (verb == '%')
            {
                text.Append('%');
                continue;
            }
            if (verb == '[' || UnimplementedGoVerbs.Contains(verb))
            {
                throw new FormatException(
                    $"printf verb '%{verb}' is not supported here; supported: {SupportedVerbs}"
                );
            }
            text.Append(
                next < args.Count
                    ? Pad(
                        Verb(verb, spec, args[next]),
                        spec,
                        number: args[next++] is long or double
                    )
                    : $"%!{verb}(MISSING)"
            );
        }
        if (next < args.Count)
        {
            var extra = args.Skip(next)
                .Select(a => a is null ? "<nil>" : $"{GoFormat.TypeName(a)}={GoFormat.Value(a)}");
            text.Append("%!(EXTRA ").Append(string.Join(", ", extra)).Append(')');
        }
        return text.ToString();
    }

    /// <summary>Reads flags, width and precision after a '%'; leaves <paramref name="i"/> on the verb.</summary>
    private static Spec ParseSpec(
        string format,
        ref int i,
        IReadOnlyList<object?> args,
        ref int next
    )
    {
        var flags = "";
        i++;
        while (i < format.Length && "+-# 0".Contains(format[i]))
        {
            flags += format[i++];
        }
        var width = Number(format, ref i, args, ref next);
        int? precision = null;
        if (i < format.Length && format[i] == '.')
        {
            i++;
            precision = Number(format, ref i, args, ref next) ?? 0;
        }
        return new Spec(
            flags.Contains('-'),
            flags.Contains('+'),
            flags.Contains('#'),
            flags.Contains(' '),
            flags.Contains('0'),
            width,
            precision
        );
    }

    private static int? Number(string format, ref int i, IReadOnlyList<object?> args, ref int next)
    {
        if (i < format.Length && format[i] == '*')
        {
            i++;
            return next < args.Count && args[next++] is long star ? (int)star : null;
        }
        var start = i;
        while (i < format.Length && char.IsAsciiDigit(format[i]))
        {
            i++;
        }
        return i > start ? int.Parse(format.AsSpan(start, i - start), provider: null) : null;
    }

    /// <summary>Width padding: spaces on the left (right with '-'), zeros after the sign for numbers with '0'.</summary>
    /// <summary>
    /// Width padding: spaces, or with the 0 flag zeros (after the sign for numbers, before anything else; never for
    /// Inf and NaN), as fmt pads.
    /// </summary>
    private static string Pad(string text, Spec spec, bool number)
    {
        var missing = (spec.Width ?? 0) - text.EnumerateRunes().Count();
        if (missing <= 0)
        {
            return text;
        }
        if (spec.Minus)
        {
            return text + new string(' ', missing);
        }
        if (spec.Zero && !number)
        {
            return new string('0', missing) + text;
        }
        var finite =
            !text.EndsWith("Inf", StringComparison.Ordinal)
            && !text.EndsWith("NaN", StringComparison.Ordinal);
        if (spec.Zero && finite)
        {
            var sign = text[0] is '+' or '-' or ' ' ? text[..1] : "";
            return sign + new string('0', missing) + text[sign.Length..];
        }
        return new string(' ', missing) + text;
    }
}
