namespace Kiln.Tooling;

/// <summary>Settings of <c>dotnet build</c>.</summary>
public sealed record DotNetBuildSettings : DotNetSettings
{
    /// <summary>The configuration (Debug, Release).</summary>
    public string? Configuration { get; init; }

    /// <summary>Skips the implicit restore, after a Restore target ran.</summary>
    public bool NoRestore { get; init; }

    /// <inheritdoc/>
    protected override string Verb => "build";

    /// <inheritdoc/>
    protected override void AddArguments(List<string> arguments)
    {
        AddOption(arguments, "--configuration", Configuration);
        AddFlag(arguments, "--no-restore", NoRestore);
    }
}
