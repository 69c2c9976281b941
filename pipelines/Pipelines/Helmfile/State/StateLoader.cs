using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.GoTemplates;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.State;

/// <summary>
/// Loads a helmfile state for one environment, as helmfile does: the file is split into parts at <c>---</c>
/// lines; a <c>.gotmpl</c> file's parts are rendered as templates one by one, each seeing the state values the
/// earlier parts (and their <c>bases</c>) declared; environment values layer over the top-level <c>values</c>,
/// maps merging and later files winning, and state values from outside the file (the command line's, or a parent's
/// <c>helmfiles</c> entry) layer over all of them.
/// </summary>
internal sealed class StateLoader(AbsolutePath root, TemplateContext templates)
{
    /// <summary>The environment every state has, declared or not (helmfile's implicit default).</summary>
    public const string DefaultEnvironment = "default";

    /// <summary>The state, its values for <paramref name="environment"/>, and its releases before release templating.</summary>
    public DeclaredState Load(AbsolutePath stateFile, string environment) =>
        Load(stateFile, environment, []);

    /// <summary>The top state file: an environment it does not declare is a usage error with the valid choices.</summary>
    public DeclaredState Load(
        AbsolutePath stateFile,
        string environment,
        IReadOnlyList<ValuesLayer> overrides
    )
    {
        var declared = Read(stateFile, environment, overrides);
        if (!Declares(declared, environment))
        {
            var names = declared
                .State.Environments.Keys.Append(DefaultEnvironment)
                .Distinct()
                .ToList();
            var close = Suggestions.Closest(environment, names);
            throw new UsageException(
                $"Unknown environment '{environment}'."
                    + (close is null ? "" : $" Did you mean '{close}'?")
                    + $" Valid: {string.Join(", ", names)} (from {declared.StateFile})."
            );
        }
        return Finish(declared);
    }

    /// <summary>
    /// A nested state; null when it does not declare <paramref name="environment"/>, which helmfile skips rather than
    /// fails (a nested state given values by its parent needs no environments of its own).
    /// </summary>
    public DeclaredState? LoadNested(
        AbsolutePath stateFile,
        string environment,
        IReadOnlyList<ValuesLayer> overrides
    )
    {
        var declared = Read(stateFile, environment, overrides);
        return Declares(declared, environment) ? Finish(declared) : null;
    }

    /// <summary>The environment names a state declares, for <c>--env</c> validation and completion.</summary>
    public IReadOnlyList<string> EnvironmentNames(AbsolutePath stateFile)
    {
        var declared = new DeclaredState(DefaultEnvironment, Relative(stateFile));
        try
        {
            LoadInto(stateFile, declared, []);
        }
        catch (SourceLocatedException) when (declared.State.Environments.Count > 0)
        {
            // A later part needs values only a named environment has (read as 'default' here); the environments
            // are declared by then, and the render reports the part's error for the environment it renders.
        }
        return declared.State.Environments.Keys.ToList();
    }

    /// <summary>
    /// Values passed in from outside a state file (files and inline maps), each its own layer. Files are read as
    /// helmfile reads environment values: a <c>.gotmpl</c> one rendered with the environment's name.
    /// </summary>
    public IEnumerable<ValuesLayer> OverrideLayers(
        IEnumerable<ValuesEntry> entries,
        string environment
    ) =>
        entries.Select(entry =>
            ReadEntry(entry, environment, [], MissingFileHandler.Error, kubeContext: null)
        );

    private DeclaredState Read(
        AbsolutePath stateFile,
        string environment,
        IReadOnlyList<ValuesLayer> overrides
    )
    {
        var declared = new DeclaredState(environment, Relative(stateFile))
        {
            Overrides = overrides,
        };
        LoadInto(stateFile, declared, []);
        return declared;
    }

    private static bool Declares(DeclaredState declared, string environment) =>
        environment == DefaultEnvironment
        || declared.State.Environments.ContainsKey(environment)
        || declared.State.Environments.Count == 0 && declared.Overrides.Count > 0;

    private DeclaredState Finish(DeclaredState declared)
    {
        declared.Layers = EnvironmentLayers(declared);
        declared.Values = DeclaredState.Merge(declared.Layers);
        return declared;
    }

    private void LoadInto(AbsolutePath file, DeclaredState declared, List<string> loading)
    {
        var relative = Relative(file);
        if (loading.Contains(file.Value))
        {
            throw new UsageException(
                $"bases form a cycle: {string.Join(" -> ", loading.Append(file.Value).Select(p => Relative(AbsolutePath.Create(p))))}"
            );
        }
        if (!file.FileExists)
        {
            throw new SourceLocatedException(
                $"{relative}: helmfile state file not found.",
                relative
            );
        }
        loading.Add(file.Value);
        foreach (var (text, firstLine) in StateParts.Split(File.ReadAllText(file)))
        {
            var source = new string('\n', firstLine - 1) + text;
            if (file.Name.EndsWith(".gotmpl", StringComparison.Ordinal))
            {
                var values = DeclaredState.Merge(EnvironmentLayers(declared));
                var data = TemplateData.ForState(
                    declared.Environment,
                    declared.KubeContext,
                    values
                );
                source = GoTemplate
                    .Parse(source, relative)
                    .Render(data, templates with { BaseDirectory = file.Parent! });
            }
            var document = YamlData.ParseMapping(source, relative);
            // Bases first, so that this part's releases can inherit the templates they declare.
            foreach (var basePath in StateParser.Bases(document, relative))
            {
                LoadInto(AbsolutePath.Create(basePath, file.Parent!), declared, loading);
            }
            declared.Add(StateParser.Parse(document, relative, declared.Templates));
        }
        loading.RemoveAt(loading.Count - 1);
    }

    /// <summary>
    /// Top-level values, the environment's values entries, then the overrides, each with its source. As in helmfile,
    /// the <c>.hcl</c> files of a values list are evaluated together into one layer after that list's other entries.
    /// </summary>
    private List<ValuesLayer> EnvironmentLayers(DeclaredState declared)
    {
        var environment = declared.Environment;
        var spec = declared.State.Environments.GetValueOrDefault(environment);
        var lists = new[]
        {
            declared.State.DefaultValues.Select(e => (Entry: e, Handler: MissingFileHandler.Error)),
            (spec?.Values ?? []).Select(e => (Entry: e, Handler: spec!.MissingFileHandler)),
        };
        var layers = new List<ValuesLayer>();
        foreach (var entries in lists)
        {
            var hcl = new List<(string Path, string Relative)>();
            foreach (var (entry, handler) in entries)
            {
                if (entry is ValuesFile file && Hcl.HclValuesFile.IsHcl(file.Path))
                {
                    var path = AbsolutePath.Create(file.Path, (root / file.DeclaredIn).Parent!);
                    if (path.FileExists)
                    {
                        hcl.Add((path, Relative(path)));
                    }
                    else
                    {
                        MissingFiles.Handle(handler, Relative(path), file.DeclaredIn);
                    }
                    continue;
                }
                var soFar = DeclaredState.Merge(layers.Concat(declared.Overrides));
                layers.Add(ReadEntry(entry, environment, soFar, handler, spec?.KubeContext));
            }
            if (hcl.Count > 0)
            {
                var source = string.Join(", ", hcl.Select(f => f.Relative));
                layers.Add(new ValuesLayer(source, Hcl.HclValuesLoader.Load(hcl)));
            }
        }
        layers.AddRange(declared.Overrides);
        return layers;
    }

    private ValuesLayer ReadEntry(
        ValuesEntry entry,
        string environment,
        Dictionary<string, object?> soFar,
        MissingFileHandler handler,
        string? kubeContext
    )
    {
        if (entry is InlineValues inline)
        {
            return new ValuesLayer(inline.DeclaredIn, inline.Values);
        }
        var file = (ValuesFile)entry;
        var path = Path.IsPathRooted(file.Path)
            ? AbsolutePath.Create(file.Path)
            : AbsolutePath.Create(file.Path, (root / file.DeclaredIn).Parent!);
        var relative = Relative(path);
        if (!path.FileExists)
        {
            MissingFiles.Handle(handler, relative, file.DeclaredIn);
            return new ValuesLayer(relative, []);
        }
        var text = File.ReadAllText(path);
        if (path.Name.EndsWith(".gotmpl", StringComparison.Ordinal))
        {
            text = GoTemplate
                .Parse(text, relative)
                .Render(TemplateData.ForState(environment, kubeContext, soFar), templates);
        }
        return new ValuesLayer(relative, YamlData.ParseMapping(text, relative));
    }

    private string Relative(AbsolutePath path) => path.RelativeTo(root);
}
