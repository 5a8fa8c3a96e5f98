namespace Kiln.Definition;

/// <summary>A parameter member as the source generator lists it (<see cref="GeneratedBuildMembers.Parameter"/>); read and set by <see cref="Index"/>.</summary>
internal sealed record GeneratedParameter(
    Type DeclaringType,
    string MemberName,
    bool IsField,
    Type Type,
    ParameterAttribute Attribute,
    bool IsSecret,
    bool IsRequired,
    int Index);
