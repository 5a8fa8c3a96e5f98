namespace Kiln.Tooling;

/// <summary>Settings of <c>dotnet build</c>.</summary>
[FluentSetters]
public sealed record DotNetBuildSettings : DotNetSettings
{
    /// <summary>The configuration (Debug, Release).</summary>
    public string? Configuration { get; init; }

    /// <summary>Skips the implicit restore, after a Restore target ran.</summary>
    public bool NoRestore { get; init; }

    /// <summary>The target framework to build, of a multi-targeted project.</summary>
    public string? Framework { get; init; }

    /// <summary>The runtime identifier to build for (linux-x64, win-x64).</summary>
    public string? Runtime { get; init; }

    /// <summary>Where the build output goes, instead of each project's bin folder.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Builds everything again, ignoring what is up to date.</summary>
    public bool NoIncremental { get; init; }

    /// <inheritdoc/>
    protected override string Verb => "build";

    /// <inheritdoc/>
    protected override void AddArguments(List<string> arguments)
    {
        AddOption(arguments, "--configuration", Configuration);
        AddFlag(arguments, "--no-restore", NoRestore);
        AddOption(arguments, "--framework", Framework);
        AddOption(arguments, "--runtime", Runtime);
        AddOption(arguments, "--output", OutputDirectory);
        AddFlag(arguments, "--no-incremental", NoIncremental);
    }
}
