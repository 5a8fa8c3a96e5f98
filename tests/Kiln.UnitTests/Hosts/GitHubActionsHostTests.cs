using Kiln.Execution;
using Kiln.Hosts;

namespace Kiln.UnitTests.Hosts;

public sealed class GitHubActionsHostTests : IDisposable
{
    private readonly StringWriter output = new();
    private readonly SecretMasker masker = new();
    private readonly string stepSummary = Path.Combine(Path.GetTempPath(), "kiln-step-summary-" + Guid.NewGuid().ToString("N") + ".md");

    public void Dispose()
    {
        output.Dispose();
        File.Delete(stepSummary);
    }

    [Fact]
    public void GitHubActionsHost_wraps_each_target_in_a_log_group()
    {
        var host = CreateHost();

        host.BeginTarget("Compile");
        host.Write(LogLevel.Information, "compiling");
        host.EndTarget(new TargetResult("Compile") { Status = TargetStatus.Succeeded });

        Assert.Equal(["::group::Compile", "compiling", "::endgroup::"], Lines());
    }

    [Fact]
    public void GitHubActionsHost_writes_warnings_and_errors_as_annotations()
    {
        var host = CreateHost();

        host.Write(LogLevel.Warning, "careful");
        host.Write(LogLevel.Error, "broken");

        Assert.Equal(["::warning::careful", "::error::broken"], Lines());
    }

    [Fact]
    public void GitHubActionsHost_escapes_percent_signs_in_annotations()
    {
        var host = CreateHost();

        host.Write(LogLevel.Error, "100% broken");

        Assert.Equal(["::error::100%25 broken"], Lines());
    }

    [Fact]
    public void GitHubActionsHost_escapes_percent_and_line_breaks_in_data()
    {
        Assert.Equal("a%25b%0D%0Ac", GitHubActionsHost.EscapeData("a%b\r\nc"));
    }

    [Fact]
    public void GitHubActionsHost_escapes_colons_and_commas_in_properties()
    {
        Assert.Equal("C%3A/a%2Cb%25", GitHubActionsHost.EscapeProperty("C:/a,b%"));
    }

    [Fact]
    public void GitHubActionsHost_turns_an_msbuild_error_into_an_error_annotation_relative_to_the_root()
    {
        var host = CreateHost();

        host.WriteToolOutput("/root/src/A.cs(12,5): error CS1002: ; expected [/root/src/A.csproj]");

        Assert.Equal(["::error file=src/A.cs,line=12,col=5,title=CS1002::; expected"], Lines());
    }

    [Fact]
    public void GitHubActionsHost_turns_an_msbuild_warning_into_a_warning_annotation()
    {
        var host = CreateHost();

        host.WriteToolOutput("/root/src/B.cs(3,1): warning CS0168: The variable 'x' is declared but never used [/root/src/A.csproj]");

        Assert.Equal(["::warning file=src/B.cs,line=3,col=1,title=CS0168::The variable 'x' is declared but never used"], Lines());
    }

    [Fact]
    public void GitHubActionsHost_annotates_a_file_only_diagnostic_without_line()
    {
        var host = CreateHost();

        host.WriteToolOutput("/root/src/Foo.csproj : error NU1101: Unable to find package Bar.");

        Assert.Equal(["::error file=src/Foo.csproj,title=NU1101::Unable to find package Bar."], Lines());
    }

    [Fact]
    public void GitHubActionsHost_annotates_a_diagnostic_without_a_file_with_its_code_only()
    {
        var host = CreateHost();

        host.WriteToolOutput("warning NETSDK1138: Out of support.");

        Assert.Equal(["::warning title=NETSDK1138::Out of support."], Lines());
    }

    [Fact]
    public void GitHubActionsHost_keeps_a_path_outside_the_root_absolute()
    {
        var host = CreateHost();

        host.WriteToolOutput("/elsewhere/C.cs(1,2): error CS0001: x");

        Assert.Equal(["::error file=/elsewhere/C.cs,line=1,col=2,title=CS0001::x"], Lines());
    }

    [Fact]
    public void GitHubActionsHost_passes_other_tool_lines_through()
    {
        var host = CreateHost();

        host.WriteToolOutput("  Restored /root/src/A.csproj (in 120 ms).");

        Assert.Equal(["  Restored /root/src/A.csproj (in 120 ms)."], Lines());
    }

    [Fact]
    public void GitHubActionsHost_masks_secrets_in_tool_output_and_annotations()
    {
        masker.Add("hunter2");
        var host = CreateHost();

        host.WriteToolOutput("/root/A.cs(1,1): error CS0001: bad hunter2");
        host.WriteToolOutput("pushing with hunter2");

        Assert.Equal(["::error file=A.cs,line=1,col=1,title=CS0001::bad ***", "pushing with ***"], Lines());
    }

    [Fact]
    public void GitHubActionsHost_registers_each_secret_line_with_add_mask()
    {
        masker.Add("s3cret");
        masker.Add("multi\nline");
        var host = CreateHost();

        host.AnnounceSecrets();

        Assert.Equal(["::add-mask::multi", "::add-mask::line", "::add-mask::s3cret"], Lines());
    }

    [Fact]
    public void GitHubActionsHost_appends_the_markdown_summary_to_the_step_summary_file()
    {
        File.WriteAllText(stepSummary, "# Earlier step\n");
        var host = CreateHost();
        var summary = new BuildSummary([new TargetResult("Compile") { Status = TargetStatus.Succeeded, Duration = TimeSpan.FromSeconds(2) }], TimeSpan.FromSeconds(2), wasInterrupted: false);

        host.WriteSummary(summary);

        Assert.Equal("# Earlier step\n" + SummaryTable.ToMarkdown(summary), File.ReadAllText(stepSummary));
        Assert.Contains("Build succeeded in 0:02.", Lines());
    }

    [Fact]
    public void GitHubActionsHost_writes_a_failed_outcome_as_an_error_annotation()
    {
        var host = CreateHost();
        var summary = new BuildSummary([new TargetResult("Test") { Status = TargetStatus.Failed, Duration = TimeSpan.FromSeconds(2) }], TimeSpan.FromSeconds(2), wasInterrupted: false);

        host.WriteSummary(summary);

        Assert.Equal("::error::Build failed in 0:02: Test failed.", Lines()[^1]);
    }

    [Fact]
    public void GitHubActionsHost_masks_secrets_in_the_step_summary()
    {
        masker.Add("hunter2");
        var host = CreateHost();
        var summary = new BuildSummary([new TargetResult("Push") { Status = TargetStatus.Succeeded, Note = "pushed with hunter2" }], TimeSpan.Zero, wasInterrupted: false);

        host.WriteSummary(summary);

        Assert.Contains("| pushed with *** |", File.ReadAllText(stepSummary), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", File.ReadAllText(stepSummary), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GitHubActionsHost_writes_no_step_summary_without_a_path()
    {
        var host = new GitHubActionsHost(output, masker, "/root", stepSummaryPath: null);

        host.WriteSummary(new BuildSummary([], TimeSpan.Zero, wasInterrupted: false));

        Assert.False(File.Exists(stepSummary));
        Assert.Equal("Build succeeded in < 1s.", Lines()[^1]);
    }

    [Fact]
    public void GitHubActionsHost_writes_an_error_at_a_line_as_an_annotation_with_file_line_and_title()
    {
        var host = CreateHost();

        host.WriteError("Assert.Equal() Failure", "/root/tests/Kiln.UnitTests/ATests.cs", 42, "Kiln.UnitTests.ATests.Adds");

        Assert.Equal(["::error file=tests/Kiln.UnitTests/ATests.cs,line=42,title=Kiln.UnitTests.ATests.Adds::Assert.Equal() Failure"], Lines());
    }

    [Fact]
    public void GitHubActionsHost_leaves_file_and_line_out_of_an_error_without_a_location()
    {
        var host = CreateHost();

        host.WriteError("Timed out", file: null, line: null, "Kiln.ATests.Hangs");

        Assert.Equal(["::error title=Kiln.ATests.Hangs::Timed out"], Lines());
    }

    [Fact]
    public void GitHubActionsHost_escapes_the_title_as_a_property_and_the_message_as_data()
    {
        var host = CreateHost();

        host.WriteError("100% wrong\r\nsecond line", "tests/A,B.cs", 1, "Theory(x: 1, y: 2)");

        Assert.Equal(["::error file=tests/A%2CB.cs,line=1,title=Theory(x%3A 1%2C y%3A 2)::100%25 wrong%0D%0Asecond line"], Lines());
    }

    [Fact]
    public void GitHubActionsHost_masks_secrets_in_an_error_at_a_line()
    {
        masker.Add("hunter2");
        var host = CreateHost();

        host.WriteError("token hunter2 rejected", "tests/A.cs", 3, "Logs_in_with_hunter2");

        Assert.Equal(["::error file=tests/A.cs,line=3,title=Logs_in_with_***::token *** rejected"], Lines());
    }

    [Fact]
    public void GitHubActionsHost_appends_markdown_to_the_step_summary_file()
    {
        File.WriteAllText(stepSummary, "# Earlier step\n");
        masker.Add("hunter2");
        var host = CreateHost();

        host.AppendStepSummary("| Line coverage | 91% |\n| key | hunter2 |");

        Assert.Equal("# Earlier step\n| Line coverage | 91% |\n| key | *** |\n", File.ReadAllText(stepSummary));
        Assert.Equal([string.Empty], Lines());
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("", false)]
    public void GitHubActionsHost_is_active_when_github_actions_is_true(string value, bool expected)
    {
        Assert.Equal(expected, GitHubActionsHost.IsActive(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = value }));
    }

    [Fact]
    public void GitHubActionsHost_is_not_active_without_the_variable()
    {
        Assert.False(GitHubActionsHost.IsActive(new Dictionary<string, string>()));
    }

    private GitHubActionsHost CreateHost() => new(output, masker, "/root", stepSummary);

    private List<string> Lines() => output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').ToList();
}
