using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Kiln.Definition;

/// <summary>
/// The metadata of the assemblies already loaded, where a type is a name. Reflection resolves the types it meets, a
/// property's or an attribute's, which loads the assembly that defines them: reading a build's targets and parameters
/// would load every package behind its components (versioning, scanning, workflows). The names answer "certainly not"
/// here; reflection decides the rest.
/// </summary>
internal static class LoadedMetadata
{
    private const byte ClassType = 0x12;
    private const byte RequiredModifier = 0x1f;
    private const byte OptionalModifier = 0x20;

    private static readonly ConcurrentDictionary<Module, MetadataReader?> Readers = new();

    /// <summary>False when the property certainly is no indexer-free property of this class type; true when it may be one.</summary>
    public static bool MayHaveType(PropertyInfo property, Type type)
    {
        // A property of a constructed generic type may be typed by its type argument, which the metadata does not name.
        if (property.DeclaringType is { IsConstructedGenericType: true } || Reader(property.Module) is not { } reader)
        {
            return true;
        }

        var signature = reader.GetBlobReader(reader.GetPropertyDefinition((PropertyDefinitionHandle)MetadataTokens.EntityHandle(property.MetadataToken)).Signature);
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

        return code == ClassType && MayName(reader, property.Module, signature.ReadTypeHandle(), type);
    }

    /// <summary>False when the member certainly has no attribute of this sealed type; true when it may have one.</summary>
    public static bool MayHaveAttribute(MemberInfo member, Type attributeType)
    {
        if (!attributeType.IsSealed || member.MetadataToken == 0 || Reader(member.Module) is not { } reader)
        {
            return true;
        }

        foreach (var handle in reader.GetCustomAttributes(MetadataTokens.EntityHandle(member.MetadataToken)))
        {
            var constructor = reader.GetCustomAttribute(handle).Constructor;
            var declaringType = constructor.Kind switch
            {
                HandleKind.MethodDefinition => (EntityHandle)reader.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType(),
                HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)constructor).Parent,
                _ => default,
            };
            if (declaringType.IsNil || MayName(reader, member.Module, declaringType, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the handle may stand for the type: the same definition, or a reference by its name.</summary>
    private static bool MayName(MetadataReader reader, Module module, EntityHandle handle, Type type)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return module == type.Module && MetadataTokens.GetToken(handle) == type.MetadataToken;
            case HandleKind.TypeReference:
                var reference = reader.GetTypeReference((TypeReferenceHandle)handle);
                // A nested type's reference is scoped by its declaring type's: left to reflection.
                return reader.StringComparer.Equals(reference.Name, type.Name)
                    && (reference.ResolutionScope.Kind == HandleKind.TypeReference || reader.StringComparer.Equals(reference.Namespace, type.Namespace ?? string.Empty));
            default:
                // A generic instance or another shape is none of the plain classes asked about.
                return handle.Kind != HandleKind.TypeSpecification || type.IsGenericType;
        }
    }

    private static unsafe MetadataReader? Reader(Module module) =>
        Readers.GetOrAdd(module, static module =>
            // An assembly built in memory has no raw metadata to read: reflection decides for it.
            module.Assembly.TryGetRawMetadata(out var blob, out var length) ? new MetadataReader(blob, length) : null);
}
