namespace Kiln.Tooling;

/// <summary>What every dotnet command shares: the project or solution, properties, verbosity, environment.</summary>
public abstract record DotNetSettings
{
    /// <summary>The project or solution file; the working directory's when null.</summary>
    public string? Project { get; init; }

    /// <summary>MSBuild properties, passed as -p:Name=Value.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>MSBuild verbosity (quiet, minimal, normal, detailed, diagnostic); dotnet's default when null.</summary>
    public string? Verbosity { get; init; }

    /// <summary>The working directory; the root directory when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Extra variables for the tool's environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Kills dotnet and fails when it runs longer.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The dotnet verb: restore, build, test, pack; a two-word command such as "tool restore" is split at the space.</summary>
    protected abstract string Verb { get; }

    /// <summary>The command line these settings describe.</summary>
    public ToolCommand ToCommand()
    {
        var arguments = new List<string>(Verb.Split(' '));
        if (Project is not null)
        {
            AddProject(arguments, Project);
        }

        AddArguments(arguments);
        if (Verbosity is not null)
        {
            arguments.Add("--verbosity");
            arguments.Add(Verbosity);
        }

        arguments.AddRange(Properties.OrderBy(property => property.Key, StringComparer.Ordinal).Select(property => $"-p:{property.Key}={EscapeProperty(property.Value)}"));
        AddFlag(arguments, "--nologo", PassesNoLogo);
        AddTrailingArguments(arguments);
        return new ToolCommand("dotnet", arguments) { WorkingDirectory = WorkingDirectory, Environment = Environment, Timeout = Timeout };
    }

    /// <summary>Whether the command takes <c>--nologo</c>; every verb does but <c>dotnet test</c> on Microsoft.Testing.Platform.</summary>
    protected virtual bool PassesNoLogo => true;

    /// <summary>Adds the project or solution: as the first argument, unless the verb names it with an option.</summary>
    protected virtual void AddProject(List<string> arguments, string project)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        arguments.Add(project);
    }

    /// <summary>Adds the verb's own arguments.</summary>
    protected abstract void AddArguments(List<string> arguments);

    /// <summary>Adds what must come last, after every option: the arguments <c>dotnet run</c> passes on after <c>--</c>.</summary>
    protected virtual void AddTrailingArguments(List<string> arguments)
    {
    }

    /// <summary>Adds "--name value" when the value is set.</summary>
    protected static void AddOption(List<string> arguments, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!string.IsNullOrEmpty(value))
        {
            arguments.Add(name);
            arguments.Add(value);
        }
    }

    /// <summary>Adds "--name" when the flag is set.</summary>
    protected static void AddFlag(List<string> arguments, string name, bool flag)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (flag)
        {
            arguments.Add(name);
        }
    }

    // MSBuild's -p: splits its value at ';' and ',' into further properties; escaped, a value (release notes, a NoWarn
    // list) stays one property, and MSBuild unescapes it where the property is used.
    private static string EscapeProperty(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace(";", "%3B", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
