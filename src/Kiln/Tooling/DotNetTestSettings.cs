namespace Kiln.Tooling;

/// <summary>Settings of <c>dotnet test</c>.</summary>
public sealed record DotNetTestSettings : DotNetSettings
{
    /// <summary>The configuration (Debug, Release).</summary>
    public string? Configuration { get; init; }

    /// <summary>Tests what Compile built instead of building again.</summary>
    public bool NoBuild { get; init; }

    /// <summary>Skips the implicit restore.</summary>
    public bool NoRestore { get; init; }

    /// <summary>Where result files (TRX, coverage) go.</summary>
    public string? ResultsDirectory { get; init; }

    /// <summary>Loggers, such as "trx;LogFileName=unit.trx".</summary>
    public IReadOnlyList<string> Loggers { get; init; } = [];

    /// <summary>Data collectors, such as "XPlat Code Coverage".</summary>
    public IReadOnlyList<string> Collectors { get; init; } = [];

    /// <summary>A test filter expression.</summary>
    public string? Filter { get; init; }

    /// <summary>A .runsettings file.</summary>
    public string? Settings { get; init; }

    /// <summary>Fails a test that hangs longer than this, with a dump (--blame-hang-timeout).</summary>
    public TimeSpan? BlameHangTimeout { get; init; }

    /// <summary>The dump a hang writes (--blame-hang-dump-type): mini, full or none; dotnet's default (full) when null.</summary>
    public string? BlameHangDumpType { get; init; }

    /// <inheritdoc/>
    protected override string Verb => "test";

    /// <inheritdoc/>
    protected override void AddArguments(List<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        AddOption(arguments, "--configuration", Configuration);
        AddFlag(arguments, "--no-build", NoBuild);
        AddFlag(arguments, "--no-restore", NoRestore);
        AddOption(arguments, "--results-directory", ResultsDirectory);
        foreach (var logger in Loggers)
        {
            AddOption(arguments, "--logger", logger);
        }

        foreach (var collector in Collectors)
        {
            AddOption(arguments, "--collect", collector);
        }

        AddOption(arguments, "--filter", Filter);
        AddOption(arguments, "--settings", Settings);
        if (BlameHangTimeout is { } timeout)
        {
            arguments.Add("--blame-hang");
            AddOption(arguments, "--blame-hang-timeout", $"{(int)timeout.TotalSeconds}s");
            AddOption(arguments, "--blame-hang-dump-type", BlameHangDumpType);
        }
    }
}
