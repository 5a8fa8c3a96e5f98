using System.Reflection;
using Kiln.Parameters;

namespace Kiln.Lifecycle;

/// <summary>A parameter of the build as extensions see it: its names on the command line and in the environment, read-only.</summary>
public sealed class BuildParameter
{
    internal BuildParameter(ParameterDescriptor descriptor)
    {
        Descriptor = descriptor;
    }

    /// <summary>The parameter's name (the member's, or the one <c>[Parameter]</c> gives).</summary>
    public string Name => Descriptor.Name;

    /// <summary>The name in kebab case, as the command line spells it without its dashes.</summary>
    public string KebabCaseName => ParameterNames.ToKebabCase(Descriptor.Name);

    /// <summary>The command-line option: <c>--kebab-case</c>.</summary>
    public string CommandLineName => Descriptor.CommandLineName;

    /// <summary>The environment variable the value can come from.</summary>
    public string EnvironmentName => Descriptor.EnvironmentName;

    /// <summary>The description <c>[Parameter]</c> gives, if any.</summary>
    public string? Description => Descriptor.Description;

    /// <summary>The field or property the value is bound to.</summary>
    public MemberInfo Member => Descriptor.Member!;

    /// <summary>Whether the parameter is marked <c>[Secret]</c>, so that its value is masked.</summary>
    public bool IsSecret => Descriptor.IsSecret;

    /// <summary>Whether the parameter is a switch (a <c>bool</c>) that needs no value on the command line.</summary>
    public bool IsFlag => Descriptor.IsFlag;

    /// <summary>The values the parameter allows (an enum's names, say); empty when any value goes.</summary>
    public IReadOnlyList<string> AllowedValues => Descriptor.AllowedValues;

    internal ParameterDescriptor Descriptor { get; }

    /// <summary>Returns <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
