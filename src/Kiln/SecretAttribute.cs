namespace Kiln;

/// <summary>
/// Marks a <see cref="ParameterAttribute">parameter</see> as secret: its value is replaced by *** in every
/// line Kiln prints (tool output and error messages included) and registered with the CI host's masking.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
