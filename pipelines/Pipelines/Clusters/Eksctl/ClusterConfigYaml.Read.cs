using Pipelines.Engine;
using Pipelines.Failures;
using Pipelines.Yaml.Data;

namespace Pipelines.Clusters.Eksctl;

public static partial class ClusterConfigYaml
{
    /// <summary>
    /// Reads a ClusterConfig this class wrote (or one written by hand in the same shape). Fields outside the model are
    /// an error naming them, rather than being dropped on the next write.
    /// </summary>
    public static EksClusterConfig Read(string text, string file)
    {
        var root = new Reader(YamlData.ParseMapping(text, file), file, "");
        root.Only(
            "apiVersion",
            "kind",
            "metadata",
            "iam",
            "accessConfig",
            "managedNodeGroups",
            "addons"
        );
        root.Expect("apiVersion", EksClusterConfig.ApiVersion);
        root.Expect("kind", EksClusterConfig.Kind);
        var metadata = root.Map("metadata");
        metadata.Only("name", "region", "version", "tags");
        var iam = root.Map("iam");
        iam.Only("withOIDC");
        var access = root.OptionalMap("accessConfig");
        access?.Only("authenticationMode", "accessEntries");
        return new EksClusterConfig
        {
            Metadata = new EksMetadata(
                metadata.String("name"),
                metadata.String("region"),
                metadata.String("version"),
                metadata.StringMap("tags")
            ),
            WithOidc = iam.Bool("withOIDC"),
            AccessEntries = (access?.Maps("accessEntries") ?? [])
                .Select(e =>
                {
                    e.Only("principalARN", "kubernetesGroups");
                    return new EksAccessEntry(
                        e.String("principalARN"),
                        e.Strings("kubernetesGroups")
                    );
                })
                .ToList(),
            ManagedNodeGroups = root.Maps("managedNodeGroups").Select(NodeGroup).ToList(),
            Addons = root.Maps("addons")
                .Select(a =>
                {
                    a.Only("name", "wellKnownPolicies");
                    var policies = a.OptionalMap("wellKnownPolicies");
                    return new EksAddon(
                        a.String("name"),
                        policies?.Data.Where(p => p.Value is true).Select(p => p.Key).ToList() ?? []
                    );
                })
                .ToList(),
        };
    }

    private static NodeGroupProfile NodeGroup(Reader group)
    {
        group.Only(ClustersFile.NodeGroupFields);
        return new NodeGroupProfile
        {
            Name = group.String("name"),
            InstanceTypes = group.Strings("instanceTypes"),
            MinSize = group.Int("minSize"),
            MaxSize = group.Int("maxSize"),
            DesiredCapacity = group.Int("desiredCapacity"),
            VolumeSize = group.Data.ContainsKey("volumeSize") ? group.Int("volumeSize") : null,
            PrivateNetworking =
                group.Data.ContainsKey("privateNetworking") && group.Bool("privateNetworking"),
            Spot = group.Data.ContainsKey("spot") && group.Bool("spot"),
            Labels = new SortedDictionary<string, string>(
                group.Data.ContainsKey("labels") ? group.StringMap("labels").ToDictionary() : [],
                StringComparer.Ordinal
            ),
        };
    }

    /// <summary>Typed access to one mapping, with errors naming the file and the field's path.</summary>
    private sealed record Reader(Dictionary<string, object?> Data, string File, string Path)
    {
        public void Only(params string[] keys)
        {
            var unknown = Data.Keys.FirstOrDefault(k => !keys.Contains(k));
            if (unknown is not null)
            {
                throw Fail(
                    unknown,
                    $"'{unknown}' is not part of the ClusterConfig ProvisionCluster writes (known here: {string.Join(", ", keys)})."
                );
            }
        }

        public void Expect(string key, string value)
        {
            if (String(key) != value)
            {
                throw Fail(key, $"must be {value}.");
            }
        }

        public string String(string key) =>
            Data.GetValueOrDefault(key) as string ?? throw Fail(key, "must be a string.");

        public int Int(string key) =>
            Data.GetValueOrDefault(key) is long n and >= int.MinValue and <= int.MaxValue
                ? (int)n
                : throw Fail(key, "must be a whole number.");

        public bool Bool(string key) =>
            Data.GetValueOrDefault(key) as bool? ?? throw Fail(key, "must be true or false.");

        public IReadOnlyList<string> Strings(string key) =>
            Data.GetValueOrDefault(key) is List<object?> list && list.All(i => i is string)
                ? list.Cast<string>().ToList()
                : throw Fail(key, "must be a list of strings.");

        public IReadOnlyDictionary<string, string> StringMap(string key) =>
            Data.GetValueOrDefault(key) is Dictionary<string, object?> map
            && map.Values.All(v => v is string)
                ? new SortedDictionary<string, string>(
                    map.ToDictionary(p => p.Key, p => (string)p.Value!),
                    StringComparer.Ordinal
                )
                : throw Fail(key, "must be a mapping of strings.");

        public Reader Map(string key) =>
            OptionalMap(key) ?? throw Fail(key, "is required: a mapping.");

        public Reader? OptionalMap(string key) =>
            Data.GetValueOrDefault(key) switch
            {
                null => null,
                Dictionary<string, object?> map => new Reader(map, File, Join(key)),
                _ => throw Fail(key, "must be a mapping."),
            };

        public IReadOnlyList<Reader> Maps(string key) =>
            Data.GetValueOrDefault(key) switch
            {
                null => [],
                List<object?> list => list.Select(
                        (item, i) =>
                            item is Dictionary<string, object?> map
                                ? new Reader(map, File, $"{Join(key)}[{i}]")
                                : throw Fail(key, "must be a list of mappings.")
                    )
                    .ToList(),
                _ => throw Fail(key, "must be a list."),
            };

        private string Join(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

        private SourceLocatedException Fail(string key, string message)
        {
            var position = YamlData.PositionOf(Data, key);
            var where = position is { } p ? $"{File}:{p.Line}:{p.Column}" : File;
            return new SourceLocatedException(
                $"{where}: {Join(key)} {message}",
                File,
                position?.Line,
                position?.Column
            );
        }
    }
}
