namespace Kiln.Tooling;

/// <summary>Settings of <c>dotnet publish</c>.</summary>
public sealed record DotNetPublishSettings : DotNetSettings
{
    /// <summary>The configuration (Debug, Release).</summary>
    [FluentSetters]
    public string? Configuration { get; init; }

    /// <summary>The target framework to publish, of a multi-targeted project.</summary>
    [FluentSetters]
    public string? Framework { get; init; }

    /// <summary>The runtime identifier to publish for (linux-x64, win-x64).</summary>
    [FluentSetters]
    public string? Runtime { get; init; }

    /// <summary>Where the published files go.</summary>
    [FluentSetters]
    public string? Output { get; init; }

    /// <summary>Whether the .NET runtime goes along (--self-contained) or not (--no-self-contained); the project's choice when null.</summary>
    [FluentSetters]
    public bool? SelfContained { get; init; }

    /// <summary>Publishes what Compile built instead of building again.</summary>
    [FluentSetters]
    public bool NoBuild { get; init; }

    /// <summary>Skips the implicit restore.</summary>
    [FluentSetters]
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
