using Kiln.Hosts;

namespace Kiln.UnitTests.Hosts;

public class ToolDiagnosticTests
{
    [Fact]
    public void ToolDiagnostic_reads_an_msbuild_error_with_line_and_column()
    {
        var diagnostic = ToolDiagnostic.TryParse("/root/src/A.cs(12,5): error CS1002: ; expected [/root/src/A.csproj]");

        Assert.Equal(new ToolDiagnostic("error", "/root/src/A.cs", 12, 5, "CS1002", "; expected"), diagnostic);
        Assert.True(diagnostic!.IsError);
    }

    [Fact]
    public void ToolDiagnostic_reads_a_warning_with_a_line_only()
    {
        var diagnostic = ToolDiagnostic.TryParse("src/B.cs(7): warning CS0168: The variable 'x' is declared but never used");

        Assert.Equal(new ToolDiagnostic("warning", "src/B.cs", 7, null, "CS0168", "The variable 'x' is declared but never used"), diagnostic);
        Assert.False(diagnostic!.IsError);
    }

    [Fact]
    public void ToolDiagnostic_reads_a_span_location_using_its_start()
    {
        var diagnostic = ToolDiagnostic.TryParse("C:\\src\\A.cs(3,9,3,14): error CS0103: The name 'y' does not exist");

        Assert.Equal(new ToolDiagnostic("error", "C:\\src\\A.cs", 3, 9, "CS0103", "The name 'y' does not exist"), diagnostic);
    }

    [Fact]
    public void ToolDiagnostic_reads_a_file_only_diagnostic()
    {
        var diagnostic = ToolDiagnostic.TryParse("/root/src/Foo.csproj : error NU1101: Unable to find package Bar. [/root/Kiln.sln]");

        Assert.Equal(new ToolDiagnostic("error", "/root/src/Foo.csproj", null, null, "NU1101", "Unable to find package Bar."), diagnostic);
    }

    [Fact]
    public void ToolDiagnostic_reads_a_diagnostic_without_a_file()
    {
        var diagnostic = ToolDiagnostic.TryParse("warning NETSDK1138: The target framework is out of support.");

        Assert.Equal(new ToolDiagnostic("warning", null, null, null, "NETSDK1138", "The target framework is out of support."), diagnostic);
    }

    [Fact]
    public void ToolDiagnostic_lowercases_the_severity()
    {
        Assert.Equal("error", ToolDiagnostic.TryParse("A.cs(1,1): ERROR CS1: x")?.Severity);
    }

    [Theory]
    [InlineData("Build succeeded.")]
    [InlineData("    0 Warning(s)")]
    [InlineData("  Restored /root/src/A.csproj (in 120 ms).")]
    [InlineData("Passed!  - Failed:     0, Passed:    12")]
    [InlineData("")]
    public void ToolDiagnostic_returns_null_for_other_lines(string line)
    {
        Assert.Null(ToolDiagnostic.TryParse(line));
    }
}
