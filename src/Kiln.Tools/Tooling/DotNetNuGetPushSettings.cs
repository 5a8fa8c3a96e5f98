namespace Kiln.Tooling;

/// <summary>
/// Settings of <c>dotnet nuget push</c>. The API key reaches the tool through its environment (NUGET_API_KEY, which
/// dotnet reads when <c>--api-key</c> is absent), so it is never on a command line: not in the echoed command, not in
/// an error message, not in the process list.
/// <code>
/// await ProcessRunner.RunAsync(new DotNetNuGetPushSettings("artifacts/packages/Kiln.1.2.0.nupkg")
/// {
///     Source = "https://api.nuget.org/v3/index.json",
///     ApiKey = NuGetApiKey,
///     SkipDuplicate = true,
/// }.ToCommand(), cancellationToken);
/// </code>
/// </summary>
/// <param name="Package">The .nupkg to push; a .snupkg beside it goes along to the source's symbol server, if it has one.</param>
[FluentSetters]
public sealed record DotNetNuGetPushSettings(string Package)
{
    /// <summary>No package yet, for the tasks that start from default settings; <c>SetTargetPath</c> names it.</summary>
    internal DotNetNuGetPushSettings()
        : this(string.Empty)
    {
    }

    /// <summary>The variable dotnet nuget push reads the API key from.</summary>
    public const string ApiKeyVariable = "NUGET_API_KEY";

    /// <summary>The source: a v3 service index URL, a folder, or a source name from NuGet.Config; DefaultPushSource when null.</summary>
    public string? Source { get; init; }

    /// <summary>The API key; passed in the tool's environment, never as an argument.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Where the .snupkg goes; when null, the symbol server the source's service index names (nuget.org has one).</summary>
    public string? SymbolSource { get; init; }

    /// <summary>Pushes the .nupkg only, not the .snupkg beside it.</summary>
    public bool NoSymbols { get; init; }

    /// <summary>Treats "this version exists" (409) as success. Http sources only: a folder source ignores it and overwrites.</summary>
    public bool SkipDuplicate { get; init; }

    /// <summary>Allows an http:// (not https://) source, which NuGet otherwise refuses.</summary>
    public bool AllowInsecureConnections { get; init; }

    /// <summary>The only NuGet.Config to read; the hierarchy above the working directory when null.</summary>
    [NoFluentSetters]
    public string? ConfigFile { get; init; }

    /// <summary>Prints in English whatever the machine's culture, for output that is read back.</summary>
    public bool ForceEnglishOutput { get; init; }

    /// <summary>The working directory (where NuGet.Config files are looked for); the root directory when null.</summary>
    [FluentSetters("ProcessWorkingDirectory")]
    public string? WorkingDirectory { get; init; }

    /// <summary>Kills dotnet and fails when it runs longer.</summary>
    [NoFluentSetters]
    public TimeSpan? Timeout { get; init; }

    /// <summary>The command line these settings describe, with the API key in its environment.</summary>
    public ToolCommand ToCommand()
    {
        var arguments = new List<string> { "nuget", "push", Package };
        AddOption(arguments, "--source", Source);
        AddOption(arguments, "--symbol-source", SymbolSource);
        AddFlag(arguments, "--no-symbols", NoSymbols);
        AddFlag(arguments, "--skip-duplicate", SkipDuplicate);
        AddFlag(arguments, "--allow-insecure-connections", AllowInsecureConnections);
        AddOption(arguments, "--configfile", ConfigFile);
        AddFlag(arguments, "--force-english-output", ForceEnglishOutput);
        var environment = new Dictionary<string, string?>();
        if (!string.IsNullOrEmpty(ApiKey))
        {
            environment[ApiKeyVariable] = ApiKey;
        }

        return new ToolCommand("dotnet", arguments) { WorkingDirectory = WorkingDirectory, Environment = environment, Timeout = Timeout };
    }

    /// <summary>The command line, which never holds the API key (a record would print every property).</summary>
    public override string ToString() => ToCommand().ToString();

    private static void AddOption(List<string> arguments, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            arguments.Add(name);
            arguments.Add(value);
        }
    }

    private static void AddFlag(List<string> arguments, string name, bool flag)
    {
        if (flag)
        {
            arguments.Add(name);
        }
    }
}
