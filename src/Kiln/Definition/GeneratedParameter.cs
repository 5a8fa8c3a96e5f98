namespace Kiln.Definition;

/// <summary>A parameter member as the source generator lists it (<see cref="GeneratedBuildMembers.Parameter"/>); read and set by <see cref="Index"/>.</summary>
internal sealed record GeneratedParameter(GeneratedMember Member, Type Type, ParameterAttribute Attribute, bool IsSecret, bool IsRequired, int Index);
