using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.GoTemplates;
using Pipelines.Helmfile.Selection;

namespace Pipelines.Helmfile.State;

/// <summary>A loaded state and the selectors its releases are filtered by.</summary>
internal sealed record LoadedState(DeclaredState State, IReadOnlyList<ReleaseSelector> Selectors);

/// <summary>
/// A state file and its nested states (<c>helmfiles:</c>), visited as helmfile visits them: each nested state first,
/// depth first and in order, then the state itself. A nested state gets the values its entry passes down (not the
/// command line's), its own environments, and the entry's <c>selectors</c>; without them it inherits the
/// parent's selectors, as helmfile does unless its experimental explicit-selector mode is on.
/// </summary>
internal sealed class StateTree(AbsolutePath root, TemplateContext templates)
{
    public IReadOnlyList<LoadedState> Load(
        AbsolutePath stateFile,
        string environment,
        IReadOnlyList<ReleaseSelector> selectors,
        StateValueOverrides overrides
    )
    {
        var loader = new StateLoader(root, templates);
        var top = loader.Load(
            stateFile,
            environment,
            overrides.Layers(loader, stateFile, environment)
        );
        var states = new List<LoadedState>();
        Visit(loader, top, selectors, states, [stateFile.Value]);
        return states;
    }

    private void Visit(
        StateLoader loader,
        DeclaredState state,
        IReadOnlyList<ReleaseSelector> selectors,
        List<LoadedState> into,
        IReadOnlyList<string> chain
    )
    {
        foreach (var entry in state.Helmfiles)
        {
            foreach (var file in Files(entry, state))
            {
                if (chain.Contains(file.Value))
                {
                    throw At(
                        entry,
                        $"{entry.Where}: helmfiles includes {file.RelativeTo(root)}, which is already being loaded "
                            + $"({string.Join(" -> ", chain.Append(file.Value).Select(p => AbsolutePath.Create(p).RelativeTo(root)))}). "
                            + "Remove the entry that closes the cycle."
                    );
                }
                DeclaredState? nested;
                try
                {
                    var values = loader.OverrideLayers(entry.Values, state.Environment).ToList();
                    nested = loader.LoadNested(file, state.Environment, values);
                }
                catch (SourceLocatedException exception)
                {
                    throw new SourceLocatedException(
                        $"{exception.Message}\n  (in {file.RelativeTo(root)}, included by {entry.Where})",
                        exception.File,
                        exception.Line,
                        exception.Column
                    );
                }
                if (nested is null)
                {
                    Log.Info(
                        $"{file.RelativeTo(root)} (included by {entry.Where}) does not declare environment "
                            + $"'{state.Environment}': skipped, as helmfile skips it."
                    );
                    continue;
                }
                var inherited =
                    entry.Selectors is null || entry.SelectorsInherited
                        ? selectors
                        : Selectors(entry);
                Visit(loader, nested, inherited, into, [.. chain, file.Value]);
            }
        }
        into.Add(new LoadedState(state, selectors));
    }

    /// <summary>An error at a <c>helmfiles</c> entry, with its position.</summary>
    private static SourceLocatedException At(SubHelmfileSpec entry, string message) =>
        new(message, entry.DeclaredIn, entry.Position?.Line, entry.Position?.Column);

    private static List<ReleaseSelector> Selectors(SubHelmfileSpec entry)
    {
        try
        {
            return entry.Selectors!.Select(ReleaseSelector.Parse).ToList();
        }
        catch (UsageException exception)
        {
            throw At(entry, $"{entry.Where}: helmfiles selectors: {exception.Message}");
        }
    }

    private IEnumerable<AbsolutePath> Files(SubHelmfileSpec entry, DeclaredState parent)
    {
        var folder = (root / entry.DeclaredIn).Parent!;
        IReadOnlyList<string> matches;
        try
        {
            matches = StatePaths.Expand(entry.Path, folder);
        }
        catch (ArgumentException exception)
        {
            throw At(
                entry,
                $"{entry.Where}: helmfiles path '{entry.Path}' is not a valid glob ({exception.Message})."
            );
        }
        if (matches.Count == 0)
        {
            var message =
                $"helmfiles path '{entry.Path}' matches no file (looked in {folder.RelativeTo(root)}/)";
            if (parent.SubHelmfileMissingHandler == MissingFileHandler.Error)
            {
                throw At(
                    entry,
                    $"{entry.Where}: {message}. Fix the path, or drop missingFileHandler: Error to skip it with a warning."
                );
            }
            MissingFiles.Skipped(
                parent.SubHelmfileMissingHandler,
                $"{entry.Where}: {message}",
                entry.DeclaredIn
            );
        }
        return matches.Select(m => AbsolutePath.Create(m));
    }
}
