namespace Kiln.Tooling;

/// <summary>Settings of <c>dotnet pack</c>.</summary>
public sealed record DotNetPackSettings : DotNetSettings
{
    /// <summary>The configuration (Debug, Release).</summary>
    [FluentSetters]
    public string? Configuration { get; init; }

    /// <summary>Packs what Compile built instead of building again.</summary>
    [FluentSetters]
    public bool NoBuild { get; init; }

    /// <summary>Skips the implicit restore.</summary>
    [FluentSetters]
    public bool NoRestore { get; init; }

    /// <summary>Where the .nupkg files go.</summary>
    [FluentSetters]
    public string? OutputDirectory { get; init; }

    /// <inheritdoc/>
    protected override string Verb => "pack";

    /// <inheritdoc/>
    protected override void AddArguments(List<string> arguments)
    {
        AddOption(arguments, "--configuration", Configuration);
        AddFlag(arguments, "--no-build", NoBuild);
        AddFlag(arguments, "--no-restore", NoRestore);
        AddOption(arguments, "--output", OutputDirectory);
    }
}
