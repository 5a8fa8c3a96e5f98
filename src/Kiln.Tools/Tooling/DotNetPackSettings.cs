namespace Kiln.Tooling;

/// <summary>Settings of <c>dotnet pack</c>.</summary>
[FluentSetters]
public sealed record DotNetPackSettings : DotNetSettings
{
    /// <summary>The configuration (Debug, Release).</summary>
    public string? Configuration { get; init; }

    /// <summary>Packs what Compile built instead of building again.</summary>
    public bool NoBuild { get; init; }

    /// <summary>Skips the implicit restore.</summary>
    public bool NoRestore { get; init; }

    /// <summary>Where the .nupkg files go.</summary>
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
