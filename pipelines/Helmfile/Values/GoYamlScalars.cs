using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace Pipelines.Helmfile.Values;

/// <summary>
/// Makes YamlDotNet write scalars the way Go's YAML library (behind helm's and helmfile's toYaml) does: null as
/// <c>null</c>, and strings that YAML 1.1 would read as bools or null (<c>yes</c>, <c>off</c>, <c>~</c>) quoted.
/// </summary>
internal sealed class GoYamlScalars(IEventEmitter next) : ChainedEventEmitter(next)
{
    private static readonly HashSet<string> Yaml11Specials =
    [
        "y",
        "Y",
        "yes",
        "Yes",
        "YES",
        "n",
        "N",
        "no",
        "No",
        "NO",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
        "true",
        "True",
        "TRUE",
        "false",
        "False",
        "FALSE",
        "null",
        "Null",
        "NULL",
        "~",
        "",
    ];

    public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
    {
        if (eventInfo.Source.Value is null)
        {
            emitter.Emit(
                new Scalar(AnchorName.Empty, TagName.Empty, "null", ScalarStyle.Plain, true, false)
            );
            return;
        }
        if (
            eventInfo.Source.Type == typeof(string)
            && Yaml11Specials.Contains((string)eventInfo.Source.Value)
        )
        {
            eventInfo.Style = ScalarStyle.DoubleQuoted;
        }
        base.Emit(eventInfo, emitter);
    }
}
