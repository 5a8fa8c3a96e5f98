using Kiln.CommandLine;
using Kiln.Definition;
using Kiln.Hosts;
using Kiln.Injection;
using Kiln.Lifecycle;
using Kiln.Parameters;
using Kiln.Planning;
using Kiln.Reporting;

namespace Kiln.Execution;

/// <summary>
/// One run from command line to exit code: options, root, parameters, graph, plan, requirements,
/// execution and summary. Bad input ends with one line and exit code 2.
/// </summary>
/// <remarks>
/// Whether the output is a terminal (status line, live prefixed output) is the console's unless a caller says
/// (<c>isTerminal</c>), so that tests can see both with a fake console writer.
/// </remarks>
internal static class BuildRunner
{
    public const int InvalidInputExitCode = 2;

    /// <summary>The exit code after Ctrl-C, as shells report SIGINT.</summary>
    public const int InterruptedExitCode = 130;

    public static async Task<int> RunAsync(
        Func<KilnBuild> createBuild,
        IReadOnlyList<string> defaultTargets,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        TextWriter output,
        bool installSignalHandlers,
        bool? isTerminal = null)
    {
        EnvironmentSnapshot.Current = environment;
        var masker = new SecretMasker();
        OutputHost host = new ConsoleHost(output, masker, ConsoleHost.ShouldUseColors(environment) && installSignalHandlers);
        try
        {
            var commandLine = CommandLineArguments.Parse(arguments);
            var options = new EngineOptions();
            var optionParameters = options.Describe();

            commandLine.ReleaseFlagValues(name => optionParameters.Any(option => option.IsFlag && ParameterNames.Normalize(option.Name) == name));

            // Root, profiles and verbosity are needed before the build exists; read them from the command line and environment first.
            new ParameterBinder(optionParameters).BindKnown(commandLine, environment);
            host.Verbosity = options.Verbosity;
            var root = FindRoot(options);
            KilnBuild.RootDirectory = root;
            host = CreateHost(environment, output, masker, root, installSignalHandlers, isTerminal ?? (installSignalHandlers && !Console.IsOutputRedirected));
            host.Verbosity = options.Verbosity;

            // Log calls from parameter initializers and target definitions already go through the masking host.
            BuildContext.Current = new BuildContext(host, CancellationToken.None);

            var build = createBuild();
            var buildParameters = ParameterDescriptor.FindIn(build).ToList();
            var binder = new ParameterBinder([.. buildParameters, .. optionParameters]);
            commandLine.ReleaseFlagValues(name => binder.Find(name) is { IsFlag: true });
            binder.Bind(commandLine, environment, ReadParameterFiles(root, options.Profile), masker);
            host.Verbosity = options.Verbosity;
            host.AnnounceSecrets();

            var graph = TargetGraph.Create(build);
            var schemaStamp = new GeneratedFilesStamp(root, build.GetType(), "build.schema", () => [root / BuildRoot.MarkerDirectory / "build.schema.json"]);
            // --plan runs nothing and writes nothing but the plan.
            if (!options.Plan)
            {
                UpdateSchema(root, schemaStamp, () => BuildSchema.Generate(buildParameters, optionParameters, graph), host);
            }
            if (options.Help)
            {
                WriteLines(host, HelpWriter.Write(graph, defaultTargets, buildParameters, optionParameters));
                WriteLeftOut(host, graph);
                return 0;
            }

            var extensions = BuildExtensions.Find(BuildModel.Create(build, root, graph, buildParameters), host);
            GenerateFiles(extensions, options);
            if (options.GenerateWorkflows)
            {
                return 0;
            }

            extensions.BuildCreated();

            // After --help and --generate-workflows, which need no solution or repository, and before OnlyWhenStatic reads them.
            ValueInjector.Inject(build);
            var partition = options.Partition is null ? Partition.Whole : Partition.Parse(options.Partition);

            // Targets named on the command line win; --target (or Target in a parameters file) replaces the default.
            IReadOnlyList<string> invoked = commandLine.Targets.Count > 0 ? commandLine.Targets
                : options.Target is { Length: > 0 } targets ? targets
                : defaultTargets;
            var plan = Planner.Plan(graph, invoked, options.Skip);
            if (options.Plan)
            {
                WriteLeftOut(host, graph);
                WriteLines(host, PlanWriter.ToText(plan));
                var planFile = root / "artifacts" / "plan.md";
                Directory.CreateDirectory(planFile.Parent!);
                await File.WriteAllTextAsync(planFile, PlanWriter.ToMermaid(plan)).ConfigureAwait(false);
                var planPage = root / "artifacts" / "plan.html";
                await File.WriteAllTextAsync(planPage, PlanPage.Render(plan, build.GetType().Name)).ConfigureAwait(false);
                host.Write(LogLevel.Information, $"Mermaid graph written to {planFile.RelativeTo(root)}; the graph as a page: {planPage.RelativeTo(root)}.");
                return 0;
            }

            CheckRequirements(plan, binder);
            RequiredMembers.Check(build, plan, binder);
            extensions.BuildInitialized(plan.Targets.Select(target => target.Node));
            var maxParallel = CheckMaxParallel(options.MaxParallel);
            if (installSignalHandlers)
            {
                // Targets that print with Console.WriteLine go through the same masking as everything else,
                // and into the running target's block when targets run at the same time.
                Console.SetOut(new MaskingTextWriter(host.ConsoleWriter, masker));
            }

            using var cancellation = new CancellationTokenSource();
            var records = new UpToDateRecords(root, new(() => UpToDateRecords.FingerprintParameters(buildParameters.Select(parameter => (parameter.Name, parameter.ValueText)))), CheckForced(graph, options.Force));
            var executor = new Executor(host, records, maxParallel, extensions: extensions, continueAfterFailure: options.Continue);
            using var signals = installSignalHandlers ? InterruptHandler.Install(cancellation, host, executor) : null;
            BuildContext.Current = new BuildContext(host, cancellation.Token) { Partition = partition };
            // What targets load differs from run to run: a run's profile holds its start only.
            StartupProfile.StopRecording(everyStartStopsHere: true);
            var startedAt = DateTimeOffset.UtcNow;
            var summary = await executor.RunAsync(plan, cancellation.Token).ConfigureAwait(false);
            host.WriteSummary(summary);
            extensions.BuildFinished(summary.Succeeded);
            await RecordAsync(root, plan, summary, startedAt, host).ConfigureAwait(false);
            return summary.ExitCode;
        }
        catch (KilnException exception)
        {
            host.Write(LogLevel.Error, ErrorReport.Describe(exception, host.Verbosity));
            return InvalidInputExitCode;
        }
    }

    /// <summary>--max-parallel, or the processor count when it is not given.</summary>
    private static int CheckMaxParallel(int? maxParallel) => maxParallel switch
    {
        null => Environment.ProcessorCount,
        >= 1 => maxParallel.Value,
        _ => throw new KilnException($"--max-parallel (or KILN_MAX_PARALLEL) must be 1 or more, not {maxParallel}: pass a positive number (1 runs targets one by one), or leave it out to use the processor count."),
    };

    /// <summary>
    /// Every run that executed its plan (succeeded, failed or interrupted) leaves artifacts/run.json and a line of
    /// .nuke/temp/history.jsonl; --help, --plan, --generate-workflows and bad input execute nothing and leave none.
    /// </summary>
    private static Task RecordAsync(AbsolutePath root, ExecutionPlan plan, BuildSummary summary, DateTimeOffset startedAt, OutputHost host) =>
        RunRecord.IsWorthRecording(summary)
            ? RunRecordWriter.WriteAsync(root, RunRecord.From(plan, summary, startedAt, host is GitHubActionsHost ? "github-actions" : "console", GitHead.ReadCommit(root), host.Masker), host)
            : Task.CompletedTask;

    /// <summary>The targets --force names (empty: all), each one checked to exist.</summary>
    private static string[]? CheckForced(TargetGraph graph, string[]? forced)
    {
        foreach (var name in forced ?? [])
        {
            if (graph.Find(name) is null)
            {
                throw new KilnException($"--force names '{name}', which is not a target.{NameSuggestions.DidYouMean(name, graph.Targets.Select(node => node.Name))}");
            }
        }

        return forced;
    }

    private static AbsolutePath FindRoot(EngineOptions options)
    {
        if (options.Root is not null)
        {
            var given = AbsolutePath.Create(Path.GetFullPath(options.Root));
            return Directory.Exists(given / BuildRoot.MarkerDirectory)
                ? given
                : throw new KilnException($"--root {options.Root} has no .nuke directory: point it at the repository root, or create .nuke there.");
        }

        return BuildRoot.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory)
            ?? throw new KilnException("No .nuke directory found above the current directory: run from inside the repository, or pass --root.");
    }

    private static OutputHost CreateHost(IReadOnlyDictionary<string, string> environment, TextWriter output, SecretMasker masker, AbsolutePath root, bool isConsole, bool isTerminal) =>
        GitHubActionsHost.IsActive(environment)
            ? new GitHubActionsHost(output, masker, root, environment.GetValueOrDefault("GITHUB_STEP_SUMMARY"))
            : new ConsoleHost(output, masker, isConsole && ConsoleHost.ShouldUseColors(environment), isTerminal, ConsoleHost.ShouldShowStatus(isTerminal, environment));

    private static List<ParametersFile> ReadParameterFiles(AbsolutePath root, IReadOnlyList<string>? profiles)
    {
        var folder = root / BuildRoot.MarkerDirectory;
        var files = new List<ParametersFile>();
        if (File.Exists(folder / "parameters.json"))
        {
            files.Add(ParametersFile.Read(folder / "parameters.json", ".nuke/parameters.json"));
        }

        foreach (var profile in profiles ?? [])
        {
            var name = $"parameters.{profile}.json";
            if (!File.Exists(folder / name))
            {
                var available = Directory.GetFiles(folder, "parameters.*.json")
                    .Select(path => Path.GetFileName(path)["parameters.".Length..^".json".Length])
                    .Order(StringComparer.Ordinal).ToList();
                var known = available.Count > 0 ? $"profiles here: {string.Join(", ", available)}" : "there are no profile files";
                throw new KilnException($"Profile '{profile}' not found: .nuke/{name} does not exist ({known}). Create the file or fix --profile.");
            }

            files.Add(ParametersFile.Read(folder / name, $".nuke/{name}"));
        }

        return files;
    }

    /// <summary>Checks every target that will run before any starts, so a missing value cannot fail a build halfway.</summary>
    private static void CheckRequirements(ExecutionPlan plan, ParameterBinder binder)
    {
        foreach (var target in plan.Targets.Where(target => !target.IsSkipped))
        {
            foreach (var requirement in target.Node.Definition.Requirements.Where(requirement => !requirement.IsSatisfied()))
            {
                if (requirement.IsCondition)
                {
                    throw new KilnException(requirement.Message ?? $"Target '{target.Name}' requires {requirement.Text}, which is false.");
                }

                var parameter = binder.FindByMember(requirement.Member);
                throw new KilnException(parameter is null
                    ? $"Target '{target.Name}' requires a value for {requirement.Text}."
                    : $"Target '{target.Name}' requires parameter '{parameter.Name}': pass {parameter.CommandLineName} <value> or set the environment variable {parameter.EnvironmentName}.");
            }
        }
    }

    /// <summary>
    /// Keeps what the build generates (its workflows) in step with it: written with --generate-workflows, updated locally,
    /// checked on a CI server, only generated with --plan. Locally, the same build with untouched files generates nothing.
    /// </summary>
    private static void GenerateFiles(BuildExtensions extensions, EngineOptions options)
    {
        var root = extensions.Model.RootDirectory;
        foreach (var generator in extensions.FileGenerators)
        {
            var stamp = new GeneratedFilesStamp(root, extensions.Model.BuildType, generator.GeneratedFilesName, () => generator.ExistingGeneratedFiles(root).Select(path => path.ToString()));
            if (!options.GenerateWorkflows && !KilnBuild.IsServerBuild && stamp.IsCurrent())
            {
                continue;
            }

            var mode = options.GenerateWorkflows ? GeneratedFilesMode.Generate
                : options.Plan ? GeneratedFilesMode.Validate
                : KilnBuild.IsServerBuild ? GeneratedFilesMode.Check
                : GeneratedFilesMode.Update;
            StartupProfile.StopRecording(everyStartStopsHere: options.GenerateWorkflows || KilnBuild.IsServerBuild);
            generator.GenerateFiles(extensions.Model, mode);
            if (mode != GeneratedFilesMode.Validate)
            {
                stamp.Write();
            }
        }
    }

    /// <summary>Writes .nuke/build.schema.json when it differs from the build's; locally not even generated when the same build checked it last.</summary>
    private static void UpdateSchema(AbsolutePath root, GeneratedFilesStamp stamp, Func<string> generate, OutputHost host)
    {
        if (!KilnBuild.IsServerBuild && stamp.IsCurrent())
        {
            return;
        }

        StartupProfile.StopRecording(everyStartStopsHere: KilnBuild.IsServerBuild);
        var schema = generate();
        var path = root / BuildRoot.MarkerDirectory / "build.schema.json";
        if (!File.Exists(path) || File.ReadAllText(path) != schema)
        {
            File.WriteAllText(path, schema);
            if (KilnBuild.IsServerBuild)
            {
                host.Write(LogLevel.Warning, ".nuke/build.schema.json was out of date: run the build locally and commit the file.");
            }
        }

        stamp.Write();
    }

    /// <summary>What the build leaves out and why, as warnings: a tier whose patterns match nothing shows here before anything runs.</summary>
    private static void WriteLeftOut(OutputHost host, TargetGraph graph)
    {
        foreach (var warning in graph.LeftOutWarnings())
        {
            host.Write(LogLevel.Warning, warning);
        }
    }

    private static void WriteLines(OutputHost host, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            host.Write(LogLevel.Information, line);
        }
    }
}
