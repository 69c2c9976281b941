namespace Pipelines.GoTemplates.Functions;

/// <summary>
/// Every function templates may call: Go's builtins plus the sprig and helmfile functions helmfile users rely
/// on. A name outside this table is a parse error that lists the table, never a silently empty result.
/// </summary>
internal static class FunctionTable
{
    private static readonly Dictionary<string, TemplateFunction> Functions =
        new IEnumerable<TemplateFunction>[]
        {
            BuiltinFunctions.All,
            ComparisonFunctions.All,
            StringFunctions.All,
            FormatFunctions.All,
            DefaultFunctions.All,
            CollectionFunctions.All,
            LookupFunctions.All,
            ConversionFunctions.All,
            YamlFunctions.All,
            EnvironmentFunctions.All,
            TemplateFunctions.All,
            JsonFunctions.All,
            EscapeFunctions.All,
            MathFunctions.All,
            FloatFunctions.All,
            TextFunctions.All,
            CaseFunctions.All,
            ListFunctions.All,
            DictFunctions.All,
            RegexFunctions.All,
            RandomFunctions.All,
            HashFunctions.All,
            TypeFunctions.All,
            PathFunctions.All,
            FileFunctions.All,
            DateFunctions.All,
            SemverFunctions.All,
            UrlFunctions.All,
            SecretFunctions.All,
        }
            .SelectMany(family => family)
            .ToDictionary(function => function.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => Functions.Keys.Order(StringComparer.Ordinal);

    public static bool Contains(string name) => Functions.ContainsKey(name);

    public static TemplateFunction Get(string name) => Functions[name];

    /// <summary>Functions of sprig or helmfile that are known but not available here, with what to do instead.</summary>
    private static readonly Dictionary<string, string> KnownMissing = new(StringComparer.Ordinal)
    {
        ["getHostByName"] = "DNS lookups would make renders depend on the network",
        ["bcrypt"] = "password hashing and certificate functions are not available",
        ["htpasswd"] = "password hashing and certificate functions are not available",
        ["derivePassword"] = "password hashing and certificate functions are not available",
        ["genPrivateKey"] = "password hashing and certificate functions are not available",
        ["genCA"] = "password hashing and certificate functions are not available",
        ["genSelfSignedCert"] = "password hashing and certificate functions are not available",
        ["genSignedCert"] = "password hashing and certificate functions are not available",
        ["encryptAES"] = "password hashing and certificate functions are not available",
        ["decryptAES"] = "password hashing and certificate functions are not available",
    };

    public static string Unsupported(string name) =>
        KnownMissing.TryGetValue(name, out var why)
            ? $"function '{name}' is not supported here: {why} (see docs/render.md, Template functions; or render with the real helmfile binary)"
            : $"unsupported function '{name}'; supported: {string.Join(", ", Names)}";
}
