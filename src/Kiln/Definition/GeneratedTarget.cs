namespace Kiln.Definition;

/// <summary>A target property as the source generator lists it (<see cref="GeneratedBuildMembers.Target"/>); read by <see cref="Index"/>.</summary>
internal sealed record GeneratedTarget(GeneratedMember Member, int Index);
