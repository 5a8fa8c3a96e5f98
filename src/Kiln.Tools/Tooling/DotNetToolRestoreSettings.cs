namespace Kiln.Tooling;

/// <summary>Settings of <c>dotnet tool restore</c>: the local tools of <c>.config/dotnet-tools.json</c>. It takes no project.</summary>
[FluentSetters]
public sealed record DotNetToolRestoreSettings : DotNetSettings
{
    /// <summary>The tool manifest; the one found from the working directory up when null.</summary>
    public string? ToolManifest { get; init; }

    /// <summary>The only NuGet.Config to read.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Package sources to use besides those in NuGet.Config.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Bypasses the HTTP cache.</summary>
    public bool NoCache { get; init; }

    /// <summary>Treats a source that fails as a warning.</summary>
    public bool IgnoreFailedSources { get; init; }

    /// <summary>Restores one tool at a time.</summary>
    public bool DisableParallel { get; init; }

    /// <inheritdoc/>
    protected override string Verb => "tool restore";

    /// <inheritdoc/>
    protected override bool PassesNoLogo => false;

    /// <inheritdoc/>
    protected override void AddProject(List<string> arguments, string project) =>
        throw new KilnException($"dotnet tool restore takes no project ('{project}'): set the tool manifest (SetToolManifest) or the working directory instead.");

    /// <inheritdoc/>
    protected override void AddArguments(List<string> arguments)
    {
        AddOption(arguments, "--tool-manifest", ToolManifest);
        AddOption(arguments, "--configfile", ConfigFile);
        foreach (var source in Sources)
        {
            AddOption(arguments, "--add-source", source);
        }

        AddFlag(arguments, "--no-http-cache", NoCache);
        AddFlag(arguments, "--ignore-failed-sources", IgnoreFailedSources);
        AddFlag(arguments, "--disable-parallel", DisableParallel);
    }
}
