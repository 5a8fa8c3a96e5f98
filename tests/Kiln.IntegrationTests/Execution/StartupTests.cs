namespace Kiln.IntegrationTests.Execution;

/// <summary>What the engine's start loads: --help needs the build's targets and parameters, not the capabilities behind them.</summary>
[Collection(TinyBuildRuns.Name)]
public sealed class StartupTests(TinyBuildFixture sample)
{
    [Fact]
    public async Task Help_loads_no_scanner_release_store_yaml_azure_or_nuget_assemblies_nor_json_or_type_converters_it_does_not_use()
    {
        var loaded = await HelpLoadsAsync(build: null);

        Assert.Contains("Kiln", loaded);
        Assert.Contains("Kiln.Components", loaded);
        // The sample's parameters are strings, flags and an enum, which need no TypeConverter.
        AssertNoneLoaded(loaded, name => name is "Kiln.Scanning" or "Kiln.Publishing" or "Kiln.Azure.Releases" or "Kiln.GitHubActions" or "YamlDotNet"
            or "System.Text.Json" or "System.ComponentModel.TypeConverter");
    }

    [Fact]
    public async Task Help_of_a_build_of_the_standard_components_loads_none_of_the_packages_behind_their_targets()
    {
        var loaded = await HelpLoadsAsync(build: "components");

        Assert.Contains("Kiln.Components", loaded);
        // The targets of IHazGitVersion, IPublish and the test tiers are read without their versioning, publishing, scanning,
        // release-store or workflow code.
        AssertNoneLoaded(loaded, name => name is "Kiln.Versioning" or "Kiln.Publishing" or "Kiln.Scanning" or "Kiln.GitHubActions" or "YamlDotNet"
            || name.StartsWith("Kiln.Azure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_plan_and_a_run_of_targets_each_leave_their_own_multicore_jit_profile_beside_the_compiled_build()
    {
        var folder = Path.GetDirectoryName(DeleteProfiles("kiln-help.jitprofile"))!;

        (await sample.RunAsync("-h")).AssertExitCode(0);
        var afterHelp = Directory.GetFiles(folder, "*.jitprofile").Select(Path.GetFileName).ToList();
        (await sample.RunAsync("Hello", "--plan")).AssertExitCode(0);
        (await sample.RunAsync("Hello")).AssertExitCode(0);

        Assert.Equal(["kiln-help.jitprofile"], afterHelp);
        Assert.Equal(
            ["kiln-help.jitprofile", "kiln-plan.jitprofile", "kiln-run.jitprofile"],
            Directory.GetFiles(folder, "*.jitprofile").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_help_after_the_one_that_recorded_the_profile_replays_it_and_leaves_it_as_it_was()
    {
        // The schema as this build writes it, so that the first --help records its whole start.
        (await sample.RunAsync("--help")).AssertExitCode(0);
        var profile = DeleteProfiles("kiln-help.jitprofile");
        (await sample.RunAsync("--help")).AssertExitCode(0);
        var recorded = await File.ReadAllBytesAsync(profile);
        // Older than now by far more than a file system's timestamp step, so a rewrite shows.
        File.SetLastWriteTimeUtc(profile, DateTime.UtcNow.AddHours(-1));
        var written = File.GetLastWriteTimeUtc(profile);

        (await sample.RunAsync("--help")).AssertExitCode(0);

        Assert.Equal(written, File.GetLastWriteTimeUtc(profile));
        Assert.Equal(recorded, await File.ReadAllBytesAsync(profile));
    }

    [Fact]
    public async Task A_help_that_stopped_recording_to_write_the_schema_leaves_no_profile_and_the_next_help_records_a_whole_one()
    {
        var profile = DeleteProfiles("kiln-help.jitprofile");
        File.Delete(Path.Combine(sample.Root, ".nuke", "temp", "build.schema.stamp"));

        (await sample.RunAsync("--help")).AssertExitCode(0);
        var afterSchema = File.Exists(profile);
        (await sample.RunAsync("--help")).AssertExitCode(0);

        Assert.False(afterSchema, "The --help that wrote the schema left a profile of only part of its start.");
        Assert.True(File.Exists(profile), "The next --help recorded no profile.");
    }

    [Fact]
    public async Task A_run_records_its_start_and_not_what_its_targets_load()
    {
        // The schema as this build writes it, so that the run records its whole start.
        (await sample.RunAsync("--help")).AssertExitCode(0);
        var profile = DeleteProfiles("kiln-run.jitprofile");

        // Publish runs a tool, which loads the process library; the engine's start does not.
        var run = await sample.RunAsync("Publish", "--api-key", "not-a-real-key");

        run.AssertExitCode(0);
        var recorded = System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(profile));
        Assert.Contains("Kiln.Components", recorded, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Diagnostics.Process", recorded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_ci_server_which_checks_the_schema_at_every_start_a_run_keeps_the_profile_it_recorded_up_to_there()
    {
        var profile = DeleteProfiles("kiln-run.jitprofile");

        var run = await sample.RunAsync(new Dictionary<string, string?> { ["CI"] = "true" }, "Hello");

        run.AssertExitCode(0);
        Assert.True(File.Exists(profile), "The run deleted the profile it stopped recording at the schema check, which every CI run makes.");
    }

    [Fact]
    public async Task The_tools_a_run_starts_do_not_inherit_the_replay_only_setting_build_sh_gives_the_engine()
    {
        (await sample.RunAsync("Hello")).AssertExitCode(0);
        (await sample.RunAsync("Hello")).AssertExitCode(0);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(sample.CompiledBuild)!, "kiln-run.jitprofile")), "No run profile: build.sh would not have set the setting.");

        var run = await sample.RunAsync("ToolEnvironment");

        run.AssertExitCode(0);
        Assert.Contains(run.StandardOutput, line => line.Contains("tool sees gathering setting []", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_help_that_wrote_the_schema_leaves_no_json_for_the_next_help_to_load_in_advance()
    {
        File.Delete(Path.Combine(sample.Root, ".nuke", "temp", "build.schema.stamp"));
        (await sample.RunAsync("--help")).AssertExitCode(0);

        var loaded = await HelpLoadsAsync(build: null, keepProfiles: true);

        AssertNoneLoaded(loaded, name => name is "System.Text.Json");
    }

    /// <summary>
    /// The assemblies ./build.sh --help loaded in the build's process, recorded by <see cref="StartupHook"/>; build
    /// "components" runs the sample's ComponentsBuild. Without a parameters file (the sample's names the other build's
    /// parameters), and with the schema and its stamp as the fixture's first run wrote them, so that nothing on the way
    /// needs JSON and the next run finds them as they were.
    /// </summary>
    private async Task<string[]> HelpLoadsAsync(string? build, bool keepProfiles = false)
    {
        var list = Path.Combine(sample.Root, ".nuke", "temp", "loaded-assemblies.txt");
        File.Delete(list);
        string[] keep = [sample.ParametersFile, Path.Combine(sample.Root, ".nuke", "build.schema.json"), Path.Combine(sample.Root, ".nuke", "temp", "build.schema.stamp")];
        foreach (var file in keep.Where(File.Exists))
        {
            File.Copy(file, file + ".aside", overwrite: true);
        }

        File.Delete(sample.ParametersFile);
        // What the engine's own path loads: without the multicore JIT profile an earlier --help left (one that wrote the
        // schema loaded JSON), which the runtime would replay on another core.
        foreach (var profile in keepProfiles ? [] : Directory.GetFiles(Path.GetDirectoryName(sample.CompiledBuild)!, "*.jitprofile"))
        {
            File.Delete(profile);
        }

        try
        {
            var run = await sample.RunAsync(
                new Dictionary<string, string?>
                {
                    ["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location,
                    ["KILN_TEST_LOADED_ASSEMBLIES"] = list,
                    ["TINY_BUILD"] = build,
                },
                "--help");
            run.AssertExitCode(0);
        }
        finally
        {
            foreach (var file in keep.Where(file => File.Exists(file + ".aside")))
            {
                File.Move(file + ".aside", file, overwrite: true);
            }
        }

        return File.ReadAllLines(list);
    }

    /// <summary>Deletes the multicore JIT profiles beside the compiled build; returns the path of the one named.</summary>
    private string DeleteProfiles(string name)
    {
        var folder = Path.GetDirectoryName(sample.CompiledBuild)!;
        foreach (var profile in Directory.GetFiles(folder, "*.jitprofile"))
        {
            File.Delete(profile);
        }

        return Path.Combine(folder, name);
    }

    private static void AssertNoneLoaded(string[] loaded, Func<string, bool> unexpected)
    {
        var found = loaded.Where(name => unexpected(name) || name.StartsWith("Azure.", StringComparison.Ordinal) || name.StartsWith("NuGet.", StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, $"--help loaded {string.Join(", ", found)}; all it loaded: {string.Join(", ", loaded.Order(StringComparer.Ordinal))}");
    }
}
