using System.Diagnostics;
using System.Text.Json;

namespace Kiln.IntegrationTests.Versioning;

/// <summary>
/// The built kiln-version tool (copied beside these tests), run as <c>dotnet kiln-version.dll</c> against scratch
/// repositories, with GitVersion's expected values.
/// </summary>
public sealed class KilnVersionToolTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    private readonly ScratchRepository repository = new();

    public void Dispose() => repository.Dispose();

    [Fact]
    public async Task KilnVersion_prints_GitVersions_json_for_two_commits_after_a_tag_on_main()
    {
        await CommitTwoAfterTagAsync();

        var run = await RunToolAsync(repository.Folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.StandardError);
        using var json = JsonDocument.Parse(run.StandardOutput);
        var root = json.RootElement;
        Assert.Equal("1.0.1-2", root.GetProperty("FullSemVer").GetString());
        Assert.Equal("1.0.1-2", root.GetProperty("SemVer").GetString());
        Assert.Equal("main", root.GetProperty("BranchName").GetString());
        Assert.Equal(2, root.GetProperty("CommitsSinceVersionSource").GetInt64());
        Assert.Equal(2, root.GetProperty("PreReleaseNumber").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("BuildMetaData").ValueKind);
        Assert.Equal("1.0.1.0", root.GetProperty("AssemblySemVer").GetString());
        Assert.StartsWith("1.0.1-2+Branch.main.Sha.", root.GetProperty("InformationalVersion").GetString(), StringComparison.Ordinal);
        Assert.Equal("AssemblySemFileVer", root.EnumerateObject().First().Name);
    }

    [Fact]
    public async Task KilnVersion_json_has_every_GitVersion_variable_with_GitVersions_json_types()
    {
        await repository.RunScriptAsync("""
            git init --quiet --initial-branch=main
            git commit --quiet --allow-empty -m "first"
            git tag 1.0.0
            git checkout --quiet -b release/2.0.0
            git commit --quiet --allow-empty -m "second"
            """);

        var run = await RunToolAsync(repository.Folder, "--output", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        var kinds = json.RootElement.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.ValueKind);
        string[] numbers = ["Major", "Minor", "Patch", "PreReleaseNumber", "WeightedPreReleaseNumber", "BuildMetaData", "CommitsSinceVersionSource", "VersionSourceDistance", "UncommittedChanges"];
        string[] texts =
        [
            "PreReleaseTag", "PreReleaseTagWithDash", "PreReleaseLabel", "PreReleaseLabelWithDash", "FullBuildMetaData", "MajorMinorPatch",
            "SemVer", "AssemblySemVer", "AssemblySemFileVer", "FullSemVer", "InformationalVersion", "BranchName", "EscapedBranchName", "Sha",
            "ShortSha", "VersionSourceSha", "VersionSourceSemVer", "VersionSourceIncrement", "CommitDate",
        ];
        Assert.Equal(numbers.Concat(texts).Order(StringComparer.Ordinal), kinds.Keys);
        Assert.All(numbers, name => Assert.Equal((name, JsonValueKind.Number), (name, kinds[name])));
        Assert.All(texts, name => Assert.Equal((name, JsonValueKind.String), (name, kinds[name])));
        var root = json.RootElement;
        Assert.Equal(("2.0.0-beta.1+1", 1L, 30001L), (root.GetProperty("FullSemVer").GetString(), root.GetProperty("BuildMetaData").GetInt64(), root.GetProperty("WeightedPreReleaseNumber").GetInt64()));
        Assert.Equal(("release/2.0.0", "release-2-0-0"), (root.GetProperty("BranchName").GetString(), root.GetProperty("EscapedBranchName").GetString()));
    }

    [Fact]
    public async Task KilnVersion_json_gives_null_for_a_release_without_pre_release_number_or_metadata()
    {
        await repository.RunScriptAsync("""
            git init --quiet --initial-branch=main
            git commit --quiet --allow-empty -m "first"
            git tag 1.0.0
            """);

        var run = await RunToolAsync(repository.Folder, "--output", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("PreReleaseNumber").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("BuildMetaData").ValueKind);
        Assert.Equal(("1.0.0", "", 60000L), (root.GetProperty("FullSemVer").GetString(), root.GetProperty("PreReleaseTag").GetString(), root.GetProperty("WeightedPreReleaseNumber").GetInt64()));
    }

    [Fact]
    public async Task KilnVersion_show_variable_prints_only_the_value()
    {
        await CommitTwoAfterTagAsync();

        var run = await RunToolAsync(repository.Folder, "--show-variable", "FullSemVer");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("1.0.1-2\n", run.StandardOutput.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task KilnVersion_accepts_GitVersions_slash_spellings_and_a_path_argument()
    {
        await CommitTwoAfterTagAsync();

        var run = await RunToolAsync(Path.GetTempPath(), repository.Folder, "/output", "json", "/nofetch", "/showvariable", "semver");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("1.0.1-2", run.StandardOutput.Trim());
    }

    [Fact]
    public async Task KilnVersion_reads_the_configuration_file_given_with_config()
    {
        await CommitTwoAfterTagAsync();
        var configuration = Path.Combine(repository.Folder, "..", Path.GetFileName(repository.Folder) + "-GitVersion.yml");
        await File.WriteAllTextAsync(configuration, "mode: ContinuousDeployment\n");
        try
        {
            var run = await RunToolAsync(repository.Folder, "--config", configuration, "--show-variable", "FullSemVer");

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("1.0.1", run.StandardOutput.Trim());
        }
        finally
        {
            File.Delete(configuration);
        }
    }

    [Fact]
    public async Task KilnVersion_writes_dotenv_lines_with_empty_quotes_for_null()
    {
        await CommitTwoAfterTagAsync();

        var run = await RunToolAsync(repository.Folder, "--output", "dotenv");

        Assert.Equal(0, run.ExitCode);
        var lines = run.StandardOutput.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(28, lines.Length);
        Assert.Contains("GitVersion_SemVer='1.0.1-2'", lines);
        Assert.Contains("GitVersion_BuildMetaData=''", lines);
    }

    [Fact]
    public async Task KilnVersion_outside_a_repository_fails_with_one_line_and_exit_code_1()
    {
        var run = await RunToolAsync(repository.Folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.StandardOutput);
        var line = Assert.Single(Lines(run.StandardError));
        Assert.StartsWith("kiln-version: ", line, StringComparison.Ordinal);
        Assert.Contains("not inside a git repository", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KilnVersion_rejects_an_unknown_variable_naming_the_closest_with_exit_code_1()
    {
        var run = await RunToolAsync(repository.Folder, "--show-variable", "SemVr");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["kiln-version: There is no version variable 'SemVr'. Did you mean SemVer?"], Lines(run.StandardError));
    }

    [Fact]
    public async Task KilnVersion_rejects_an_unknown_option_with_exit_code_2()
    {
        var run = await RunToolAsync(repository.Folder, "--outptu", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["kiln-version: Unknown option '--outptu'. Run kiln-version --help for the options."], Lines(run.StandardError));
    }

    [Fact]
    public async Task KilnVersion_help_shows_the_usage_and_exits_with_zero()
    {
        var run = await RunToolAsync(repository.Folder, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage: kiln-version [PATH] [options]", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("/showvariable NAME", run.StandardOutput, StringComparison.Ordinal);
    }

    private Task CommitTwoAfterTagAsync() => repository.RunScriptAsync("""
        git init --quiet --initial-branch=main
        git commit --quiet --allow-empty -m "first"
        git tag 1.0.0
        git commit --quiet --allow-empty -m "second"
        git commit --quiet --allow-empty -m "third"
        """);

    private static string[] Lines(string text) =>
        text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Runs <c>dotnet kiln-version.dll</c> with no CI variables, no git configuration, and no repository above the temp folder.</summary>
    private static async Task<ToolRun> RunToolAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kiln-version.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("GITHUB_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CEILING_DIRECTORIES"] = Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kiln-version {string.Join(' ', arguments)} ran longer than {Timeout}.");
        }

        return new ToolRun(process.ExitCode, await output, await error);
    }

    private sealed record ToolRun(int ExitCode, string StandardOutput, string StandardError);
}
