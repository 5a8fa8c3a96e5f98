namespace Kiln;

/// <summary>
/// Marks a parameter or injected member that must have a value before any target runs:
/// <c>[Parameter, Secret, Required] readonly string ApiKey;</c>. A run that would execute targets stops first, with
/// exit code 2 and one line naming the parameter and how to set it; <c>--help</c> and <c>--plan</c> need no value.
/// A value is missing when it is null, blank text or an empty collection. For a value that only some targets need,
/// use <c>.Requires(() =&gt; ApiKey)</c> on those targets instead: it is checked only when they are in the plan.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute
{
}
