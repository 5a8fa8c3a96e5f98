namespace Kiln.Tooling;

/// <summary>
/// Settings of <c>dotnet test</c>, on either test platform: VSTest takes loggers, collectors and a blame hang timeout;
/// Microsoft.Testing.Platform takes the switches of its extensions (TRX report, hang dump, coverage) and refuses VSTest's.
/// </summary>
[FluentSetters]
public sealed record DotNetTestSettings : DotNetSettings
{
    /// <summary>The platform dotnet test runs (global.json decides it): VSTest by default.</summary>
    [NoFluentSetters]
    public TestPlatform Platform { get; init; }

    /// <summary>The configuration (Debug, Release).</summary>
    public string? Configuration { get; init; }

    /// <summary>Tests what Compile built instead of building again.</summary>
    public bool NoBuild { get; init; }

    /// <summary>Skips the implicit restore.</summary>
    public bool NoRestore { get; init; }

    /// <summary>Where result files (TRX, coverage, dumps) go.</summary>
    public string? ResultsDirectory { get; init; }

    /// <summary>VSTest loggers, such as "trx;LogFileName=unit.trx".</summary>
    public IReadOnlyList<string> Loggers { get; init; } = [];

    /// <summary>VSTest data collectors, such as "XPlat Code Coverage".</summary>
    [FluentSetters("DataCollector")]
    public IReadOnlyList<string> Collectors { get; init; } = [];

    /// <summary>A test filter expression.</summary>
    public string? Filter { get; init; }

    /// <summary>A .runsettings file.</summary>
    [FluentSetters("SettingsFile")]
    public string? Settings { get; init; }

    /// <summary>VSTest: fails a test that hangs longer than this, with a dump (--blame-hang-timeout).</summary>
    public TimeSpan? BlameHangTimeout { get; init; }

    /// <summary>VSTest: the dump a hang writes (--blame-hang-dump-type): mini, full or none; dotnet's default (full) when null.</summary>
    [NoFluentSetters]
    public string? BlameHangDumpType { get; init; }

    /// <summary>Microsoft.Testing.Platform: the TRX report's file name in the results directory (--report-trx --report-trx-filename).</summary>
    [NoFluentSetters]
    public string? TrxReportFileName { get; init; }

    /// <summary>Microsoft.Testing.Platform: dumps and ends a test run that hangs longer than this (--hangdump --hangdump-timeout).</summary>
    [NoFluentSetters]
    public TimeSpan? HangDumpTimeout { get; init; }

    /// <summary>Microsoft.Testing.Platform: the dump a hang writes (--hangdump-type): Mini, Heap, Triage or Full.</summary>
    [NoFluentSetters]
    public string? HangDumpType { get; init; }

    /// <summary>Microsoft.Testing.Platform: the extension that collects coverage into the results directory, in Cobertura.</summary>
    [NoFluentSetters]
    public TestCoverageExtension Coverage { get; init; }

    /// <summary>
    /// How many tests an earlier run of the project counted: the heartbeat then says "running 312 of about 1071" where
    /// it would say "312 done". Counting needs a line per test (a console logger at normal verbosity, or the platform's
    /// <c>--output detailed</c>).
    /// </summary>
    [NoFluentSetters]
    public int? ExpectedTestCount { get; init; }

    /// <inheritdoc/>
    protected override string Verb => "test";

    /// <inheritdoc/>
    protected override bool PassesNoLogo => Platform == TestPlatform.VSTest;

    /// <inheritdoc/>
    protected override void AddProject(List<string> arguments, string project)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (Platform == TestPlatform.VSTest)
        {
            arguments.Add(project);
            return;
        }

        var isSolution = project.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || project.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase);
        AddOption(arguments, isSolution ? "--solution" : "--project", project);
    }

    /// <inheritdoc/>
    protected override void AddArguments(List<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        AddOption(arguments, "--configuration", Configuration);
        AddFlag(arguments, "--no-build", NoBuild);
        AddFlag(arguments, "--no-restore", NoRestore);
        AddOption(arguments, "--results-directory", ResultsDirectory);
        if (Platform == TestPlatform.VSTest)
        {
            AddVSTestArguments(arguments);
        }
        else
        {
            AddTestingPlatformArguments(arguments);
        }
    }

    private void AddVSTestArguments(List<string> arguments)
    {
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
            AddOption(arguments, "--blame-hang-timeout", Seconds(timeout));
            AddOption(arguments, "--blame-hang-dump-type", BlameHangDumpType);
        }
    }

    private void AddTestingPlatformArguments(List<string> arguments)
    {
        var vstestOnly = new[] { (Loggers.Count > 0, "Loggers"), (Collectors.Count > 0, "Collectors"), (BlameHangTimeout is not null, "BlameHangTimeout") }
            .Where(setting => setting.Item1).Select(setting => setting.Item2).ToList();
        if (vstestOnly.Count > 0)
        {
            throw new KilnException(
                $"dotnet test runs Microsoft.Testing.Platform here (global.json), which has no {string.Join(", ", vstestOnly)}: use TrxReportFileName, HangDumpTimeout and Coverage instead.");
        }

        AddOption(arguments, "--filter", Filter);
        AddOption(arguments, "--settings", Settings);
        if (TrxReportFileName is not null)
        {
            arguments.Add("--report-trx");
            AddOption(arguments, "--report-trx-filename", TrxReportFileName);
        }

        if (HangDumpTimeout is { } timeout)
        {
            arguments.Add("--hangdump");
            AddOption(arguments, "--hangdump-timeout", Seconds(timeout));
            AddOption(arguments, "--hangdump-type", HangDumpType);
        }

        switch (Coverage)
        {
            case TestCoverageExtension.Coverlet:
                arguments.AddRange(["--coverlet", "--coverlet-output-format", "cobertura"]);
                break;
            case TestCoverageExtension.MicrosoftCodeCoverage:
                arguments.AddRange(["--coverage", "--coverage-output-format", "cobertura"]);
                break;
        }
    }

    private static string Seconds(TimeSpan duration) => $"{(int)duration.TotalSeconds}s";
}
