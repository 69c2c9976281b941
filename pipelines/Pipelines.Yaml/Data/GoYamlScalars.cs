using Pipelines.Yaml.Editing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace Pipelines.Yaml.Data;

/// <summary>
/// Makes YamlDotNet write scalars the way Go's YAML library (behind helm's and helmfile's toYaml) does: null as
/// <c>null</c>, and strings that YAML 1.1 would read as bools or null (<c>yes</c>, <c>off</c>, <c>~</c>) quoted.
/// </summary>
internal sealed class GoYamlScalars(IEventEmitter next) : ChainedEventEmitter(next)
{
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
            // The YAML 1.1 words for bools and null (yes, off, ~): go-yaml quotes exactly these.
            && PlainScalars.Kind((string)eventInfo.Source.Value) is PlainKind.Bool or PlainKind.Null
        )
        {
            eventInfo.Style = ScalarStyle.DoubleQuoted;
        }
        base.Emit(eventInfo, emitter);
    }
}
