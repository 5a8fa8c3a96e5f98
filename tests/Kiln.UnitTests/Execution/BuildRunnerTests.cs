using System.Text.Json;

namespace Kiln.UnitTests.Execution;

[Collection("Build runs")]
public sealed class BuildRunnerTests : IDisposable
{
    private readonly TemporaryRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task BuildRunner_runs_the_default_targets_and_exits_with_zero()
    {
        var build = new SampleBuild();

        var run = await root.RunAsync(build, [], null, "Compile");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Restore", "Compile"], build.Ran);
        Assert.Equal("Compile Succeeded < 1s", run.Row("Compile"));
        Assert.Contains(run.Lines, line => line.StartsWith("Build succeeded in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BuildRunner_runs_the_targets_named_on_the_command_line_instead_of_the_default()
    {
        var build = new SampleBuild();

        await root.RunAsync(build, ["Restore"], null, "Compile");

        Assert.Equal(["Restore"], build.Ran);
    }

    [Fact]
    public async Task BuildRunner_prints_a_header_per_target()
    {
        var run = await root.RunAsync(new SampleBuild(), ["Restore"]);

        var header = run.Lines.ToList().IndexOf("Restore");
        Assert.True(header > 0);
        Assert.Equal(new string('─', 40), run.Lines[header + 1]);
    }

    [Fact]
    public async Task BuildRunner_shows_succeeded_failed_not_run_and_skipped_targets_in_the_summary()
    {
        var build = new SampleBuild { FailTest = true };

        var run = await root.RunAsync(build, ["Pack", "Docs"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Compile Succeeded < 1s", run.Row("Compile"));
        Assert.Equal("Test Failed < 1s 2 tests failed", run.Row("Test"));
        Assert.Equal("Pack NotRun Test failed", run.Row("Pack"));
        Assert.Equal("Docs Skipped condition false: WithDocs", run.Row("Docs"));
        Assert.Contains(run.Lines, line => line.StartsWith("Build failed in ", StringComparison.Ordinal) && line.EndsWith(": Test failed.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BuildRunner_continues_independent_targets_after_a_target_that_proceeds_after_failure()
    {
        var build = new SampleBuild { FailTest = true, TestProceeds = true };

        var run = await root.RunAsync(build, ["Pack", "Lint", "--max-parallel", "1"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["Restore", "Compile", "Test", "Lint"], build.Ran);
        Assert.Equal("Pack NotRun Test failed", run.Row("Pack"));
        Assert.Equal("Lint Succeeded < 1s", run.Row("Lint"));
    }

    [Fact]
    public async Task BuildRunner_with_continue_runs_the_targets_that_do_not_depend_on_a_failed_one_and_still_fails()
    {
        var build = new SampleBuild { FailTest = true };

        var run = await root.RunAsync(build, ["Pack", "Lint", "--max-parallel", "1", "--continue"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["Restore", "Compile", "Test", "Lint"], build.Ran);
        Assert.Equal("Pack NotRun Test failed", run.Row("Pack"));
        Assert.Equal("Lint Succeeded < 1s", run.Row("Lint"));
    }

    [Fact]
    public async Task BuildRunner_without_continue_runs_nothing_new_after_a_failed_target()
    {
        var build = new SampleBuild { FailTest = true };

        var run = await root.RunAsync(build, ["Pack", "Lint", "--max-parallel", "1"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["Restore", "Compile", "Test"], build.Ran);
        Assert.Equal("Lint NotRun", run.Row("Lint"));
    }

    [Fact]
    public async Task BuildRunner_runs_an_assured_target_after_a_failure()
    {
        var build = new SampleBuild { FailTest = true };

        var run = await root.RunAsync(build, ["Test", "Cleanup", "--max-parallel", "1"]);

        Assert.Equal(["Restore", "Compile", "Test", "Cleanup"], build.Ran);
        Assert.Equal("Cleanup Succeeded < 1s", run.Row("Cleanup"));
    }

    [Fact]
    public async Task BuildRunner_skips_a_target_whose_dynamic_condition_is_false()
    {
        var run = await root.RunAsync(new SampleBuild(), ["Publish"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Publish Skipped condition false: (ApiKey != null)", run.Row("Publish"));
        Assert.Contains("Skipped: (ApiKey != null) is false.", run.Lines);
    }

    [Fact]
    public async Task BuildRunner_shows_a_reported_note_in_the_summary()
    {
        var run = await root.RunAsync(new SampleBuild(), ["Test"]);

        Assert.Equal("Test Succeeded < 1s 5 passed, 0 failed, 0 skipped", run.Row("Test"));
    }

    [Fact]
    public async Task BuildRunner_exits_with_two_for_an_unknown_target()
    {
        var run = await root.RunAsync(new SampleBuild(), ["Compil"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Unknown target 'Compil'. Did you mean Compile? Run with --help to list the targets.\n", run.Output.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("--host", "Kiln has no --host (NUKE's): it runs as GitHub Actions when GITHUB_ACTIONS=true and on the console otherwise.")]
    public async Task BuildRunner_answers_a_NUKE_option_Kiln_does_not_have_with_what_to_do_instead(string option, string hint)
    {
        var run = await root.RunAsync(new SampleBuild(), ["Compile", option]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"Unknown parameter '{option}'. {hint}", run.Lines[0]);
    }

    [Fact]
    public async Task BuildRunner_exits_with_two_for_an_unknown_parameter_and_suggests_the_closest()
    {
        var run = await root.RunAsync(new SampleBuild(), ["Compile", "--confguration", "Release"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Unknown parameter '--confguration'. Did you mean --configuration? Run with --help to list the parameters.", run.Lines[0]);
    }

    [Fact]
    public async Task BuildRunner_exits_with_two_for_a_bad_enum_value_and_lists_the_allowed_values()
    {
        var run = await root.RunAsync(new SampleBuild(), ["Compile", "--configuration", "Relase"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Invalid value 'Relase' for --configuration: expected one of Debug, Release. Did you mean Release?", run.Lines[0]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task BuildRunner_exits_with_two_for_a_max_parallel_below_one(string value)
    {
        var build = new SampleBuild();

        var run = await root.RunAsync(build, ["Compile", "--max-parallel", value]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"--max-parallel (or KILN_MAX_PARALLEL) must be 1 or more, not {value}: pass a positive number (1 runs targets one by one), or leave it out to use the processor count.", run.Lines[0]);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task BuildRunner_exits_with_two_for_a_max_parallel_that_is_not_a_number()
    {
        var run = await root.RunAsync(new SampleBuild(), ["Compile", "--max-parallel", "many"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Invalid value 'many' for --max-parallel: expected a value of type int.", run.Lines[0]);
    }

    [Fact]
    public async Task BuildRunner_reads_max_parallel_from_the_environment()
    {
        var environment = TemporaryRoot.LocalEnvironment();
        environment["KILN_MAX_PARALLEL"] = "0";

        var run = await root.RunAsync(new SampleBuild(), ["Compile"], environment);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("--max-parallel (or KILN_MAX_PARALLEL) must be 1 or more, not 0", run.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildRunner_lists_max_parallel_among_the_options_in_help()
    {
        var run = await root.RunAsync(new SampleBuild(), ["--help"]);

        Assert.Contains(run.Lines, line => line.StartsWith("  --max-parallel <int>", StringComparison.Ordinal) && line.Contains("default: the processor count", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BuildRunner_exits_with_two_for_a_cycle()
    {
        var run = await root.RunAsync(new CycleBuild(), ["A"]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("The target graph has a cycle: A -> B -> A ", run.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildRunner_exits_with_two_for_a_single_dash_switch()
    {
        var run = await root.RunAsync(new SampleBuild(), ["Compile", "-v"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Unknown switch '-v': parameters take two dashes, like --v.", run.Lines[0]);
    }

    [Fact]
    public async Task BuildRunner_exits_with_two_when_the_root_has_no_nuke_directory()
    {
        var elsewhere = Path.Combine(root.Path, "elsewhere");
        Directory.CreateDirectory(elsewhere);

        var run = await root.RunAsync(new SampleBuild(), ["Compile", "--root", elsewhere]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"--root {elsewhere} has no .nuke directory: point it at the repository root, or create .nuke there.", run.Lines[0]);
    }

    [Fact]
    public async Task BuildRunner_names_the_option_and_the_variable_of_a_missing_required_parameter_in_one_line()
    {
        var build = new SampleBuild();

        var run = await root.RunAsync(build, ["Upload"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "Target 'Upload' requires parameter 'ApiKey': pass --api-key <value> or set the environment variable API_KEY.\n",
            run.Output.ReplaceLineEndings("\n"));
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task BuildRunner_runs_a_target_whose_required_parameter_is_given()
    {
        var build = new SampleBuild();

        var run = await root.RunAsync(build, ["Upload", "--api-key", "key-123"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Upload"], build.Ran);
    }

    [Fact]
    public async Task BuildRunner_does_not_check_the_requirements_of_a_skipped_target()
    {
        var run = await root.RunAsync(new SampleBuild(), ["Upload", "--skip", "Upload"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Upload Skipped skipped by --skip", run.Row("Upload"));
    }

    [Fact]
    public async Task BuildRunner_exits_with_two_when_a_required_condition_is_false()
    {
        var run = await root.RunAsync(new SampleBuild(), ["Release"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Target 'Release' requires OnReleaseBranch, which is false.", run.Lines[0]);
    }

    [Fact]
    public async Task BuildRunner_stops_with_the_targets_own_message_when_its_condition_is_false_before_anything_runs()
    {
        var build = new SampleBuild();

        var run = await root.RunAsync(build, ["Ship"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Ship needs --with-docs: a release without docs helps no one.", run.Lines[0]);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task BuildRunner_stops_with_the_line_a_condition_refuses_with_before_anything_runs()
    {
        var build = new SampleBuild();

        var run = await root.RunAsync(build, ["Refuse"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("'production' does not take refs/heads/feature: it takes refs/tags/v*.", run.Lines[0]);
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task BuildRunner_bare_skip_runs_only_the_named_targets()
    {
        var build = new SampleBuild();

        var run = await root.RunAsync(build, ["Test", "--skip"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Test"], build.Ran);
        Assert.Equal("Restore Skipped skipped by --skip", run.Row("Restore"));
    }

    [Fact]
    public async Task BuildRunner_takes_targets_from_the_kiln_target_variable_when_none_are_named()
    {
        var build = new SampleBuild();
        var environment = TemporaryRoot.LocalEnvironment();
        environment["KILN_TARGET"] = "Lint";

        await root.RunAsync(build, [], environment, "Compile");

        Assert.Equal(["Lint"], build.Ran);
    }

    [Fact]
    public async Task BuildRunner_ignores_stray_target_and_skip_variables()
    {
        var build = new SampleBuild();
        var environment = TemporaryRoot.LocalEnvironment();
        environment["TARGET"] = "Lint";
        environment["SKIP"] = "Restore";
        environment["PLAN"] = "true";

        var run = await root.RunAsync(build, [], environment, "Compile");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Restore", "Compile"], build.Ran);
    }

    [Fact]
    public async Task BuildRunner_prints_errors_and_the_summary_only_when_quiet()
    {
        var run = await root.RunAsync(new SampleBuild(), ["Compile", "--verbosity", "quiet"]);

        Assert.DoesNotContain("compiling", run.Output, StringComparison.Ordinal);
        Assert.Equal("Compile Succeeded < 1s", run.Row("Compile"));
    }

    [Fact]
    public async Task BuildRunner_prints_debug_messages_when_verbose()
    {
        var run = await root.RunAsync(new SampleBuild(), ["Compile", "--verbosity", "verbose"]);

        Assert.Contains("compiling with Debug", run.Lines);
    }

    [Fact]
    public async Task BuildRunner_prints_the_stack_trace_of_a_failure_only_when_verbose()
    {
        var normal = await root.RunAsync(new SampleBuild { FailTest = true }, ["Test"]);
        var verbose = await root.RunAsync(new SampleBuild { FailTest = true }, ["Test", "--verbosity", "verbose"]);

        Assert.DoesNotContain(normal.Lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.Contains(verbose.Lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BuildRunner_help_lists_listed_targets_with_default_descriptions_and_dependencies_then_parameters()
    {
        var run = await root.RunAsync(new HelpBuild(), ["--help"], null, "Test");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "Usage: ./build.sh [targets] [--parameter value ...]",
                string.Empty,
                "Targets (* is the default; -> its direct dependencies):",
                "  Restore    Restores packages.",
                "  Compile    Compiles the solution.  -> Restore",
                "  Test *     -> Compile",
                string.Empty,
                "Parameters (command line, else environment variable, else .nuke/parameters.json):",
                "  --configuration <Configuration>  The configuration to build.",
                "                                   default: Debug; allowed: Debug, Release; env: CONFIGURATION",
                "  --api-key <string>               The API key for the feed.",
                "                                   secret (masked in output); env: API_KEY",
                "  --fast                           Skips the slow tests.",
                "                                   env: FAST",
                string.Empty,
                "Options:",
            ],
            run.Lines.Take(16));
    }

    [Fact]
    public async Task BuildRunner_help_lists_the_targets_in_the_order_a_run_of_all_of_them_would_take()
    {
        var run = await root.RunAsync(new BackwardsBuild(), ["--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Restore", "Compile", "Pack"], run.Lines.Skip(3).TakeWhile(line => line.Length > 0).Select(line => line.Trim().Split(' ')[0]));
    }

    [Fact]
    public async Task BuildRunner_help_hides_unlisted_targets()
    {
        var run = await root.RunAsync(new HelpBuild(), ["--help"], null, "Test");

        Assert.DoesNotContain("Hidden", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildRunner_help_lists_kiln_options_with_their_kiln_variables()
    {
        var run = await root.RunAsync(new HelpBuild(), ["-h"], null, "Test");

        Assert.Contains(run.Lines, line => line.StartsWith("  --skip <string[]>", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.Trim() == "default: Normal; allowed: Quiet, Minimal, Normal, Verbose; env: KILN_VERBOSITY");
    }

    [Fact]
    public async Task BuildRunner_plan_prints_the_plan_writes_a_mermaid_graph_and_runs_nothing()
    {
        var build = new PlanBuild();

        var run = await root.RunAsync(build, ["Compile", "Lint", "--plan"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Equal(
            [
                "Plan:", "  1. Restore", "  2. Compile  (invoked)", "  3. Report", "  4. Lint  (invoked)",
                "Side by side (with --max-parallel 2 or more):", "  Report | Lint",
                "Mermaid graph written to artifacts/plan.md; the graph as a page: artifacts/plan.html.",
            ],
            run.Lines.Where(line => line.Length > 0));
        var mermaid = root.ReadFile("artifacts/plan.md");
        Assert.Contains("  t_Restore --> t_Compile\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("  t_Compile -.-> t_Lint\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("  t_Compile ==> t_Report\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("```mermaid\ngraph LR\n", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildRunner_plan_writes_a_self_contained_page_with_the_graph_the_run_order_and_the_waves()
    {
        var run = await root.RunAsync(new PlanBuild(), ["Compile", "Lint", "--plan"]);

        Assert.Equal(0, run.ExitCode);
        var page = root.ReadFile("artifacts/plan.html");
        Assert.Contains("<svg id=\"plan-graph\"", page, StringComparison.Ordinal);
        Assert.Contains("<g class=\"node status-invoked\">", page, StringComparison.Ordinal);
        Assert.Contains("class=\"edge edge-triggers\"", page, StringComparison.Ordinal);
        Assert.Contains("<li>Report | Lint</li>", page, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildRunner_plan_followed_by_a_name_plans_that_target()
    {
        var build = new PlanBuild();

        var run = await root.RunAsync(build, ["--plan", "Restore"], null, "Lint");

        Assert.Equal(["Plan:", "  1. Restore  (invoked)", "Mermaid graph written to artifacts/plan.md; the graph as a page: artifacts/plan.html."], run.Lines.Where(line => line.Length > 0));
    }

    [Fact]
    public async Task BuildRunner_plan_writes_nothing_but_the_plan_neither_workflows_nor_schema()
    {
        var run = await root.RunAsync(new WorkflowBuild(), ["Compile", "--plan"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  1. Compile  (invoked)", run.Lines);
        Assert.False(Directory.Exists(Path.Combine(root.Path, ".github")), "--plan wrote .github/workflows.");
        Assert.False(File.Exists(Path.Combine(root.NukeDirectory, "build.schema.json")), "--plan wrote the parameters schema.");
        Assert.True(File.Exists(Path.Combine(root.Path, "artifacts", "plan.md")), "--plan did not write artifacts/plan.md.");
    }

    [Fact]
    public async Task BuildRunner_plan_marks_skipped_targets_in_text_and_graph()
    {
        var run = await root.RunAsync(new PlanBuild(), ["Compile", "--skip", "Restore", "--plan"]);

        Assert.Contains("  1. Restore  (skipped by --skip)", run.Lines);
        Assert.Contains("t_Restore[\"Restore (skipped)\"]", root.ReadFile("artifacts/plan.md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildRunner_writes_the_parameters_schema_with_names_and_enum_values()
    {
        await root.RunAsync(new SampleBuild(), ["Restore"]);

        using var schema = JsonDocument.Parse(root.ReadFile(".nuke/build.schema.json"));
        var properties = schema.RootElement.GetProperty("properties");
        Assert.Equal(
            ["$schema", "Configuration", "ApiKey", "OnReleaseBranch", "WithDocs", "Target", "Skip", "MaxParallel", "Verbosity"],
            properties.EnumerateObject().Select(property => property.Name));
        Assert.Equal(["Debug", "Release"], properties.GetProperty("Configuration").GetProperty("enum").EnumerateArray().Select(value => value.GetString()));
        Assert.Equal("The configuration to build.", properties.GetProperty("Configuration").GetProperty("description").GetString());
        Assert.Equal("boolean", properties.GetProperty("WithDocs").GetProperty("type").GetString());
        Assert.Equal("array", properties.GetProperty("Skip").GetProperty("type").GetString());
        Assert.Equal(
            ["Restore", "Compile", "Test", "Pack", "Lint", "Docs", "Cleanup", "Publish", "Upload", "Release", "Refuse", "Ship"],
            properties.GetProperty("Skip").GetProperty("items").GetProperty("enum").EnumerateArray().Select(value => value.GetString()));
        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public async Task BuildRunner_warns_on_a_server_when_the_schema_was_out_of_date()
    {
        var environment = TemporaryRoot.LocalEnvironment();
        environment["CI"] = "true";

        var first = await root.RunAsync(new SampleBuild(), ["Restore"], environment);
        var second = await root.RunAsync(new SampleBuild(), ["Restore"], environment);

        Assert.Contains(".nuke/build.schema.json was out of date: run the build locally and commit the file.", first.Lines);
        Assert.DoesNotContain(".nuke/build.schema.json was out of date: run the build locally and commit the file.", second.Lines);
    }

    [Fact]
    public async Task BuildRunner_leaves_the_schema_alone_when_the_same_build_checked_it_last()
    {
        await root.RunAsync(new SampleBuild(), ["Restore"]);
        var written = File.GetLastWriteTimeUtc(Path.Combine(root.NukeDirectory, "build.schema.json"));

        await root.RunAsync(new SampleBuild(), ["Restore"]);

        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(root.NukeDirectory, "build.schema.json")));
    }

    [Fact]
    public async Task BuildRunner_writes_the_schema_again_when_the_file_was_changed_since_it_was_checked()
    {
        await root.RunAsync(new SampleBuild(), ["Restore"]);
        var generated = root.ReadFile(".nuke/build.schema.json");
        root.WriteNukeFile("build.schema.json", "{}");

        await root.RunAsync(new SampleBuild(), ["Restore"]);

        Assert.Equal(generated, root.ReadFile(".nuke/build.schema.json"));
    }

    [Fact]
    public async Task BuildRunner_writes_the_schema_of_another_build_in_the_same_root()
    {
        await root.RunAsync(new SampleBuild(), ["Restore"]);

        await root.RunAsync(new CycleBuild(), ["--help"]);

        Assert.DoesNotContain("\"Configuration\"", root.ReadFile(".nuke/build.schema.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildRunner_writes_a_workflow_again_when_it_was_changed_since_the_same_build_checked_it()
    {
        await root.RunAsync(new WorkflowBuild(), ["Compile"]);
        var generated = root.ReadFile(".github/workflows/ci.yml");
        File.WriteAllText(Path.Combine(root.Path, ".github", "workflows", "ci.yml"), "name: edited by hand\n");

        var run = await root.RunAsync(new WorkflowBuild(), ["Compile"]);

        Assert.Equal(generated, root.ReadFile(".github/workflows/ci.yml"));
        Assert.Contains(".github/workflows/ci.yml updated from the build's [GitHubActions] attributes: commit it.", run.Lines);
    }

    [Fact]
    public async Task BuildRunner_leaves_the_workflows_alone_when_the_same_build_checked_them_last()
    {
        await root.RunAsync(new WorkflowBuild(), ["Compile"]);
        var written = File.GetLastWriteTimeUtc(Path.Combine(root.Path, ".github", "workflows", "ci.yml"));

        var run = await root.RunAsync(new WorkflowBuild(), ["Compile"]);

        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(root.Path, ".github", "workflows", "ci.yml")));
        Assert.DoesNotContain(run.Lines, line => line.Contains("from the build's [GitHubActions] attributes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BuildRunner_sets_the_root_directory_to_the_given_root()
    {
        var build = new SampleBuild();

        await root.RunAsync(build, ["Restore"]);

        Assert.Equal(root.Path, build.RootSeen);
    }

    public enum Configuration
    {
        Debug,
        Release,
    }

    private sealed class SampleBuild : KilnBuild
    {
        private static bool RefuseWith(string message) => throw new KilnException(message);

        public List<string> Ran { get; } = [];

        public string? RootSeen { get; private set; }

        public bool FailTest { get; init; }

        public bool TestProceeds { get; init; }

        [Parameter("The configuration to build.")]
        public Configuration Configuration { get; set; } = Configuration.Debug;

        [Parameter]
        [Secret]
        public string? ApiKey { get; set; }

        [Parameter]
        public bool OnReleaseBranch { get; set; }

        [Parameter]
        public bool WithDocs { get; set; }

        public Target Restore => _ => _.Executes(() =>
        {
            Ran.Add("Restore");
            RootSeen = RootDirectory;
        });

        public Target Compile => _ => _.DependsOn(Restore).Executes(() =>
        {
            Log.Information("compiling");
            Log.Debug($"compiling with {Configuration}");
            Ran.Add("Compile");
        });

        public Target Test => _ =>
        {
            var definition = _.DependsOn(Compile).Executes(() =>
            {
                Ran.Add("Test");
                if (FailTest)
                {
                    throw new InvalidOperationException("2 tests failed");
                }

                ReportSummary("5 passed, 0 failed, 0 skipped");
            });
            return TestProceeds ? definition.ProceedAfterFailure() : definition;
        };

        public Target Pack => _ => _.DependsOn(Test).Executes(() => Ran.Add("Pack"));

        public Target Lint => _ => _.Executes(() => Ran.Add("Lint"));

        public Target Docs => _ => _.OnlyWhenStatic(() => WithDocs).Executes(() => Ran.Add("Docs"));

        public Target Cleanup => _ => _.AssuredAfterFailure().Executes(() => Ran.Add("Cleanup"));

        public Target Publish => _ => _.OnlyWhenDynamic(() => ApiKey != null).Executes(() => Ran.Add("Publish"));

        public Target Upload => _ => _.Requires(() => ApiKey).Executes(() => Ran.Add("Upload"));

        public Target Release => _ => _.Requires(() => OnReleaseBranch).Executes(() => Ran.Add("Release"));

        public Target Refuse => _ => _
            .DependsOn(Test)
            .Requires(() => RefuseWith("'production' does not take refs/heads/feature: it takes refs/tags/v*."))
            .Executes(() => Ran.Add("Refuse"));

        public Target Ship => _ => _
            .DependsOn(Test)
            .Requires(() => WithDocs, "Ship needs --with-docs: a release without docs helps no one.")
            .Executes(() => Ran.Add("Ship"));
    }

    private sealed class HelpBuild : KilnBuild
    {
        [Parameter("The configuration to build.")]
        public Configuration Configuration { get; set; } = Configuration.Debug;

        [Parameter("The API key for the feed.")]
        [Secret]
        public string? ApiKey { get; set; } = "initial-secret";

        [Parameter("Skips the slow tests.")]
        public bool Fast { get; set; }

        public Target Restore => _ => _.Description("Restores packages.");

        public Target Compile => _ => _.Description("Compiles the solution.").DependsOn(Restore);

        public Target Test => _ => _.DependsOn(Compile);

        public Target Hidden => _ => _.Unlisted().DependsOn(Test);
    }

    private sealed class PlanBuild : KilnBuild
    {
        public List<string> Ran { get; } = [];

        public Target Restore => _ => _.Executes(() => Ran.Add("Restore"));

        public Target Compile => _ => _.DependsOn(Restore).Triggers(Report).Executes(() => Ran.Add("Compile"));

        public Target Report => _ => _.Executes(() => Ran.Add("Report"));

        public Target Lint => _ => _.After(Compile).Executes(() => Ran.Add("Lint"));
    }

    [Kiln.GitHubActions.GitHubActions("ci", On = [Kiln.GitHubActions.GitHubActionsTrigger.Push], InvokedTargets = ["Compile"])]
    private sealed class WorkflowBuild : KilnBuild
    {
        public Target Compile => _ => _.Executes(() => { });
    }

    private sealed class BackwardsBuild : KilnBuild
    {
        public Target Pack => _ => _.DependsOn(Compile);

        public Target Compile => _ => _.DependsOn(Restore);

        public Target Restore => _ => _;
    }

    private sealed class CycleBuild : KilnBuild
    {
        public Target A => _ => _.DependsOn(B);

        public Target B => _ => _.DependsOn(A);
    }
}
