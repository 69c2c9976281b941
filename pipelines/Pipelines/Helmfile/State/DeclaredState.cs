namespace Pipelines.Helmfile.State;

/// <summary>
/// What a state file and its bases declare, merged part by part as helmfile merges them: environments by name
/// (their values lists appended), releases, repositories and values lists appended, later defaults winning.
/// </summary>
public sealed class DeclaredState(string environment, string stateFile)
{
    public string Environment { get; } = environment;

    /// <summary>The state file, relative to the repository root.</summary>
    public string StateFile { get; } = stateFile;
    public HelmfileState State { get; } = new();

    /// <summary>The state values of <see cref="Environment"/> (<c>.Values</c> and <c>.StateValues</c> in templates).</summary>
    public Dictionary<string, object?> Values { get; set; } = [];

    /// <summary>The layers <see cref="Values"/> merges, each with its source file, in order.</summary>
    public IReadOnlyList<ValuesLayer> Layers { get; internal set; } = [];

    /// <summary>helmDefaults merged over every part: later kube context wins, args accumulate.</summary>
    public HelmDefaults HelmDefaults { get; private set; } = new();

    public string? KubeContext =>
        State.Environments.GetValueOrDefault(Environment)?.KubeContext ?? HelmDefaults.KubeContext;

    /// <summary>State values from outside the file, layered last: the command line's, or a parent's <c>helmfiles</c> entry's.</summary>
    internal IReadOnlyList<ValuesLayer> Overrides { get; init; } = [];

    /// <summary>The nested states (<c>helmfiles:</c>) of every part and base, in order.</summary>
    internal List<SubHelmfileSpec> Helmfiles { get; } = [];

    /// <summary>The top-level <c>hooks:</c> (helmfile's global hooks).</summary>
    internal List<HookSpec> Hooks { get; } = [];

    /// <summary>
    /// The top-level <c>missingFileHandler</c>: what a <c>helmfiles</c> path matching nothing does. helmfile's default
    /// for those is a warning, unlike for values files.
    /// </summary>
    internal MissingFileHandler SubHelmfileMissingHandler { get; private set; } =
        MissingFileHandler.Warn;

    /// <summary>Release templates (<c>templates:</c>) by name, from every part and base read so far.</summary>
    internal Dictionary<string, Dictionary<string, object?>> Templates { get; } = [];

    /// <summary>Merges values layers as helmfile does, each with its own list rule.</summary>
    internal static Dictionary<string, object?> Merge(IEnumerable<ValuesLayer> layers) =>
        Yaml.Data.ValueMerge.Merge(layers.Select(l => (l.Values, l.Lists)));

    internal void Add(StateParser.Part part)
    {
        foreach (var (name, spec) in part.State.Environments)
        {
            State.Environments[name] = State.Environments.TryGetValue(name, out var existing)
                ? existing with
                {
                    Values = [.. existing.Values, .. spec.Values],
                    KubeContext = spec.KubeContext ?? existing.KubeContext,
                    MissingFileHandler = spec.MissingFileHandler,
                }
                : spec;
        }
        State.DefaultValues.AddRange(part.State.DefaultValues);
        State.Repositories.AddRange(part.State.Repositories);
        State.Releases.AddRange(
            part.State.Releases.Select(r => r with { Labels = Merge(part.CommonLabels, r.Labels) })
        );
        Helmfiles.AddRange(part.Helmfiles);
        Hooks.AddRange(part.Hooks);
        SubHelmfileMissingHandler = part.SubHelmfileMissingHandler ?? SubHelmfileMissingHandler;
        var defaults = part.State.HelmDefaults;
        HelmDefaults = new HelmDefaults
        {
            KubeContext = defaults.KubeContext ?? HelmDefaults.KubeContext,
            Args = [.. HelmDefaults.Args, .. defaults.Args],
            SkipDeps = defaults.SkipDeps || HelmDefaults.SkipDeps,
            PostRenderer = defaults.PostRenderer ?? HelmDefaults.PostRenderer,
            PostRendererArgs =
                defaults.PostRendererArgs.Count > 0
                    ? defaults.PostRendererArgs
                    : HelmDefaults.PostRendererArgs,
        };
    }

    private static Dictionary<string, string> Merge(
        Dictionary<string, string> common,
        Dictionary<string, string> own
    )
    {
        var labels = new Dictionary<string, string>(common);
        foreach (var (key, value) in own)
        {
            labels[key] = value;
        }
        return labels;
    }
}

/// <summary>One layer of state values and the file it came from (for errors that name it).</summary>
public sealed record ValuesLayer(string Source, Dictionary<string, object?> Values)
{
    /// <summary>How this layer's lists meet the earlier layers' (item by item for <c>--state-values-set</c>).</summary>
    internal Yaml.Data.ValueMerge.Lists Lists { get; init; } = Yaml.Data.ValueMerge.Lists.Sparse;
}
