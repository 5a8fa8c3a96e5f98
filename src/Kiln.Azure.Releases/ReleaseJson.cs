using System.Text.Json.Serialization;

namespace Kiln.Azure.Releases;

/// <summary>
/// How manifests, pointers and history entries are written: camelCase, indented, nulls kept, UTF-8 without BOM. The
/// serializers are generated at compile time, so reading and writing them needs no reflection (nor a native build's
/// reflection-based serializer, which is off).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ReleaseManifest.ManifestDocument))]
[JsonSerializable(typeof(EnvironmentPointer))]
internal sealed partial class ReleaseJson : JsonSerializerContext;
