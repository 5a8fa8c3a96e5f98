namespace Kiln.Tooling;

/// <summary>Settings of <c>dotnet publish</c>.</summary>
[FluentSetters]
public sealed record DotNetPublishSettings : DotNetSettings
{
    /// <summary>The configuration (Debug, Release).</summary>
    public string? Configuration { get; init; }

    /// <summary>The target framework to publish, of a multi-targeted project.</summary>
    public string? Framework { get; init; }

    /// <summary>The runtime identifier to publish for (linux-x64, win-x64).</summary>
    public string? Runtime { get; init; }

    /// <summary>Where the published files go.</summary>
    public string? Output { get; init; }

    /// <summary>Whether the .NET runtime goes along (--self-contained) or not (--no-self-contained); the project's choice when null.</summary>
    public bool? SelfContained { get; init; }

    /// <summary>Publishes what Compile built instead of building again.</summary>
    public bool NoBuild { get; init; }

    /// <summary>Skips the implicit restore.</summary>
    public bool NoRestore { get; init; }

    /// <inheritdoc/>
    protected override string Verb => "publish";

    /// <inheritdoc/>
    protected override void AddArguments(List<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        AddOption(arguments, "--configuration", Configuration);
        AddOption(arguments, "--framework", Framework);
        AddOption(arguments, "--runtime", Runtime);
        AddOption(arguments, "--output", Output);
        if (SelfContained is { } selfContained)
        {
            arguments.Add(selfContained ? "--self-contained" : "--no-self-contained");
        }

        AddFlag(arguments, "--no-build", NoBuild);
        AddFlag(arguments, "--no-restore", NoRestore);
    }
}
