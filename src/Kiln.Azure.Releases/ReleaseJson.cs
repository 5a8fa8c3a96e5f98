using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiln.Azure.Releases;

/// <summary>How manifests, pointers and history entries are written: camelCase, indented, nulls kept, UTF-8 without BOM.</summary>
internal static class ReleaseJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
