using YamlDotNet.RepresentationModel;

namespace Kiln.Versioning.Configuration;

/// <summary>Merges a configuration file over its template: maps merge key by key, recursively; scalars and lists replace.</summary>
internal static class YamlMerge
{
    public static YamlMappingNode Merge(YamlMappingNode template, YamlMappingNode file)
    {
        var merged = new YamlMappingNode();
        foreach (var (key, templateValue) in template.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            var fileEntry = Find(file, name);
            merged.Add(fileEntry?.Key ?? key, (fileEntry?.Value, templateValue) switch
            {
                (YamlMappingNode fileMap, YamlMappingNode templateMap) => Merge(templateMap, fileMap),
                (null, _) => templateValue,
                ({ } fileValue, _) => fileValue,
            });
        }

        // Keys the template does not have (new branch configurations, say) follow in file order.
        foreach (var (key, value) in file.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && Find(template, name) is null)
            {
                merged.Add(key, value);
            }
        }

        return merged;
    }

    private static KeyValuePair<YamlNode, YamlNode>? Find(YamlMappingNode map, string name)
    {
        foreach (var entry in map.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } key } && key == name)
            {
                return entry;
            }
        }

        return null;
    }
}
