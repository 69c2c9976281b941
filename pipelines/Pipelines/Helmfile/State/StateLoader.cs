using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.GoTemplates;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.State;

/// <summary>
/// Loads a helmfile state for one environment, as helmfile does: the file is split into parts at <c>---</c>
/// lines; a <c>.gotmpl</c> file's parts are rendered as templates one by one, each seeing the state values the
/// earlier parts (and their <c>bases</c>) declared; environment values layer over the top-level <c>values</c>,
/// maps merging and later files winning.
/// </summary>
internal sealed class StateLoader(AbsolutePath root, TemplateContext templates)
{
    /// <summary>The state, its values for <paramref name="environment"/>, and its releases before release templating.</summary>
    public DeclaredState Load(AbsolutePath stateFile, string environment)
    {
        var declared = new DeclaredState(environment, Relative(stateFile));
        LoadInto(stateFile, declared, []);
        if (!declared.State.Environments.ContainsKey(environment) && environment != "default")
        {
            var names = declared.State.Environments.Keys.ToList();
            var close = Suggestions.Closest(environment, names);
            throw new UsageException(
                $"Unknown environment '{environment}'."
                    + (close is null ? "" : $" Did you mean '{close}'?")
                    + $" Valid: {string.Join(", ", names)} (from {declared.StateFile})."
            );
        }
        declared.Layers = EnvironmentLayers(declared.State, environment);
        declared.Values = ValueMerge.Merge(declared.Layers.Select(l => l.Values));
        return declared;
    }

    /// <summary>The environment names a state declares, for <c>--env</c> validation and completion.</summary>
    public IReadOnlyList<string> EnvironmentNames(AbsolutePath stateFile)
    {
        var declared = new DeclaredState("default", Relative(stateFile));
        LoadInto(stateFile, declared, []);
        return declared.State.Environments.Keys.ToList();
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
                var values = EnvironmentValues(declared.State, declared.Environment);
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
            var part = StateParser.Parse(document, relative);
            foreach (var basePath in part.Bases)
            {
                LoadInto(AbsolutePath.Create(basePath, file.Parent!), declared, loading);
            }
            declared.Add(part);
        }
        loading.RemoveAt(loading.Count - 1);
    }

    /// <summary>Top-level values, then the environment's values entries, merged in order.</summary>
    private Dictionary<string, object?> EnvironmentValues(
        HelmfileState state,
        string environment
    ) => ValueMerge.Merge(EnvironmentLayers(state, environment).Select(l => l.Values));

    /// <summary>
    /// Each values layer with the file (or state file, for inline values) it came from. As in helmfile, the
    /// <c>.hcl</c> files of a values list are evaluated together into one layer after that list's other entries.
    /// </summary>
    private List<ValuesLayer> EnvironmentLayers(HelmfileState state, string environment)
    {
        var spec = state.Environments.GetValueOrDefault(environment);
        var lists = new[]
        {
            state.DefaultValues.Select(e => (Entry: e, Handler: MissingFileHandler.Error)),
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
                var soFar = ValueMerge.Merge(layers.Select(l => l.Values));
                layers.Add(ReadEntry(entry, environment, soFar, handler, spec?.KubeContext));
            }
            if (hcl.Count > 0)
            {
                var source = string.Join(", ", hcl.Select(f => f.Relative));
                layers.Add(new ValuesLayer(source, Hcl.HclValuesLoader.Load(hcl)));
            }
        }
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
        var path = AbsolutePath.Create(file.Path, (root / file.DeclaredIn).Parent!);
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
