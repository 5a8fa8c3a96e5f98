namespace Kiln;

/// <summary>
/// Marks a field or property of the build as a parameter. It is set from <c>--kebab-case-name</c> on the
/// command line, else an environment variable, else .nuke/parameters.json (and profile files); otherwise it
/// keeps its initial value, which <c>--help</c> shows as the default.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute : Attribute
{
    /// <summary>Marks a parameter with the description <c>--help</c> shows.</summary>
    public ParameterAttribute(string? description = null)
    {
        Description = description;
    }

    /// <summary>The description shown by <c>--help</c> and in the parameters schema.</summary>
    public string? Description { get; }

    /// <summary>The parameter's name, when it should differ from the member's.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The environment variable that sets it, when it should be a well-known name rather than one derived from the
    /// parameter's name (AZURE_STORAGE_CONNECTION_STRING); also the name of the secret or variable workflows bind.
    /// </summary>
    public string? EnvironmentVariable { get; set; }
}
