using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Kiln.Definition;

/// <summary>
/// Tells target properties from the others by the signature in their assembly's metadata, where the type of a property
/// is a name: asking reflection for it loads the assembly that defines it, and a component's other properties name types
/// of the packages behind it (version variables, scanner settings) that reading the targets has no use for.
/// </summary>
internal sealed class TargetProperties
{
    private const byte ClassType = 0x12;
    private const byte RequiredModifier = 0x1f;
    private const byte OptionalModifier = 0x20;

    private static readonly string TargetNamespace = typeof(Target).Namespace!;
    private static readonly string TargetAssembly = typeof(Target).Assembly.GetName().Name!;

    private readonly Dictionary<Module, MetadataReader?> readers = [];

    public bool IsTarget(PropertyInfo property) =>
        property.GetMethod is not null
        && MayBeTarget(property)
        && property.PropertyType == typeof(Target) && property.GetIndexParameters().Length == 0;

    /// <summary>False when the signature says the property is no target; true when reflection has to decide.</summary>
    private bool MayBeTarget(PropertyInfo property)
    {
        if (Reader(property.Module) is not { } reader)
        {
            return true;
        }

        var definition = reader.GetPropertyDefinition((PropertyDefinitionHandle)MetadataTokens.EntityHandle(property.MetadataToken));
        var signature = reader.GetBlobReader(definition.Signature);
        if (signature.ReadSignatureHeader().Kind != SignatureKind.Property || signature.ReadCompressedInteger() != 0)
        {
            return false;
        }

        var code = signature.ReadByte();
        while (code is RequiredModifier or OptionalModifier)
        {
            signature.ReadTypeHandle();
            code = signature.ReadByte();
        }

        if (code != ClassType)
        {
            return false;
        }

        var type = signature.ReadTypeHandle();
        return type.Kind switch
        {
            HandleKind.TypeDefinition => property.Module == typeof(Target).Module && MetadataTokens.GetToken(type) == typeof(Target).MetadataToken,
            HandleKind.TypeReference => NamesTarget(reader, reader.GetTypeReference((TypeReferenceHandle)type)),
            _ => false,
        };
    }

    private static bool NamesTarget(MetadataReader reader, TypeReference type) =>
        reader.StringComparer.Equals(type.Name, nameof(Target))
        && reader.StringComparer.Equals(type.Namespace, TargetNamespace)
        && (type.ResolutionScope.Kind != HandleKind.AssemblyReference
            || reader.StringComparer.Equals(reader.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name, TargetAssembly));

    private unsafe MetadataReader? Reader(Module module)
    {
        if (!readers.TryGetValue(module, out var reader))
        {
            // The metadata of a loaded assembly is already in memory; an assembly without it (built in memory) is read by reflection.
            reader = module.Assembly.TryGetRawMetadata(out var blob, out var length) ? new MetadataReader(blob, length) : null;
            readers.Add(module, reader);
        }

        return reader;
    }
}
