using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Yaml.Data;

namespace Pipelines.Helmfile.State;

/// <summary>
/// One entry of helmfile's <c>hooks:</c> (on a release, or at the top level for the whole state): a command run on
/// some events. Only the render-time events, <c>prepare</c> and <c>cleanup</c>, ever fire here, as under
/// <c>helmfile template</c>; the others belong to sync and apply.
/// </summary>
internal sealed record HookSpec(
    string? Name,
    IReadOnlyList<string> Events,
    string Command,
    IReadOnlyList<string> Args,
    bool ShowLogs,
    string DeclaredIn,
    (int Line, int Column)? Position
)
{
    /// <summary>The events helmfile triggers; anything else is a typo that would never fire.</summary>
    public static readonly string[] KnownEvents =
    [
        "prepare",
        "preapply",
        "presync",
        "preuninstall",
        "postuninstall",
        "postsync",
        "cleanup",
    ];

    public static readonly string[] RenderEvents = ["prepare", "cleanup"];

    public string Label => Name ?? Command;

    public static List<HookSpec> ParseAll(List<object?> entries, string file, string owner) =>
        entries.Select(entry => Parse(entry, file, owner)).ToList();

    private static HookSpec Parse(object? entry, string file, string owner)
    {
        var reader = new MapReader(
            entry,
            file,
            $"{owner} hook",
            ["name", "events", "command", "args", "showlogs", "kubectlApply"],
            []
        );
        var position = YamlData.PositionOf(
            reader.Map,
            reader.Has("command") ? "command" : "events"
        );
        var events = reader.Strings("events");
        if (events.Count == 0)
        {
            throw reader.Error(
                "events",
                $"{owner} hook has no events; list when it runs, e.g. events: [prepare]."
            );
        }
        foreach (var name in events.Where(e => !KnownEvents.Contains(e)))
        {
            var close = Suggestions.Closest(name, KnownEvents);
            throw reader.Error(
                "events",
                $"{owner} hook: event '{name}' is not one helmfile triggers."
                    + (close is null ? "" : $" Did you mean '{close}'?")
                    + $" Events: {string.Join(", ", KnownEvents)}."
            );
        }
        var renderTime = events.Any(RenderEvents.Contains);
        if (reader.Has("kubectlApply"))
        {
            // helmfile would run kubectl apply here; a render must never change a cluster (Sync does that).
            return renderTime
                ? throw reader.Error(
                    "kubectlApply",
                    $"{owner} hook: kubectlApply on a prepare or cleanup event would change a cluster while rendering. "
                        + "RenderHelmfile never does; apply those manifests from a presync hook or as a release."
                )
                : new HookSpec(reader.String("name"), events, "kubectl", [], false, file, position);
        }
        var command = reader.String("command");
        if (string.IsNullOrEmpty(command))
        {
            throw reader.Error(
                "events",
                $"{owner} hook has no command; give command: (and args:) to run on {string.Join(", ", events)}."
            );
        }
        return new HookSpec(
            reader.String("name"),
            events,
            command,
            reader.Strings("args"),
            reader.Bool("showlogs") ?? false,
            file,
            position
        );
    }
}
