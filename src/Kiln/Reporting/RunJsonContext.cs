using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiln.Reporting;

/// <summary>The generated serializer of <see cref="RunRecord"/>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RunRecord))]
internal sealed partial class RunJsonContext : JsonSerializerContext;
