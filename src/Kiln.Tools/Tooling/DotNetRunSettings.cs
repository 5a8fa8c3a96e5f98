namespace Kiln.Tooling;

/// <summary>Settings of <c>dotnet run</c>: the project with <c>--project</c>, the application's own arguments after <c>--</c>.</summary>
[FluentSetters]
public sealed record DotNetRunSettings : DotNetSettings
{
    /// <summary>The configuration (Debug, Release).</summary>
    public string? Configuration { get; init; }

    /// <summary>The target framework to run, of a multi-targeted project.</summary>
    public string? Framework { get; init; }

    /// <summary>The runtime identifier to run for.</summary>
    public string? Runtime { get; init; }

    /// <summary>The launch profile of launchSettings.json to run with.</summary>
    public string? LaunchProfile { get; init; }

    /// <summary>Ignores launchSettings.json.</summary>
    public bool NoLaunchProfile { get; init; }

    /// <summary>Runs what Compile built instead of building again.</summary>
    public bool NoBuild { get; init; }

    /// <summary>Skips the implicit restore.</summary>
    public bool NoRestore { get; init; }

    /// <summary>The arguments the application gets, each as it should reach it.</summary>
    [NoFluentSetters]
    public IReadOnlyList<string> ApplicationArguments { get; init; } = [];

    /// <inheritdoc/>
    protected override string Verb => "run";

    /// <inheritdoc/>
    protected override bool PassesNoLogo => false;

    /// <inheritdoc/>
    protected override void AddProject(List<string> arguments, string project) => AddOption(arguments, "--project", project);

    /// <inheritdoc/>
    protected override void AddArguments(List<string> arguments)
    {
        AddOption(arguments, "--configuration", Configuration);
        AddOption(arguments, "--framework", Framework);
        AddOption(arguments, "--runtime", Runtime);
        AddOption(arguments, "--launch-profile", LaunchProfile);
        AddFlag(arguments, "--no-launch-profile", NoLaunchProfile);
        AddFlag(arguments, "--no-build", NoBuild);
        AddFlag(arguments, "--no-restore", NoRestore);
    }

    /// <inheritdoc/>
    protected override void AddTrailingArguments(List<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (ApplicationArguments.Count > 0)
        {
            arguments.Add("--");
            arguments.AddRange(ApplicationArguments);
        }
    }
}
