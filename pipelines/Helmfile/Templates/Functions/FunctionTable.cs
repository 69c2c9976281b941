namespace Pipelines.Helmfile.Templates.Functions;

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
        }
            .SelectMany(family => family)
            .ToDictionary(function => function.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => Functions.Keys.Order(StringComparer.Ordinal);

    public static bool Contains(string name) => Functions.ContainsKey(name);

    public static TemplateFunction Get(string name) => Functions[name];

    public static string Unsupported(string name) =>
        $"unsupported function '{name}'; supported: {string.Join(", ", Names)}";
}
