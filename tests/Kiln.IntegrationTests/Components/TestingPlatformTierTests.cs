using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kiln.Components;
using Kiln.Execution;

namespace Kiln.IntegrationTests.Components;

/// <summary>
/// A test tier over a repository on Microsoft.Testing.Platform (global.json), run in-process: a tiny xunit.v3 project
/// with the TRX report, hang dump and coverlet.MTP extensions, testing a library. The tier passes the platform's own
/// switches, and Test reads its counts and coverage where it reads VSTest's.
/// </summary>
[Collection(InProcessRuns.Name)]
public sealed class TestingPlatformTierTests : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "kiln-mtp-" + Guid.NewGuid().ToString("N")[..12]);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        Directory.CreateDirectory(Path.Combine(root, ".config"));
        await File.WriteAllTextAsync(Path.Combine(root, "Sample.sln"), string.Empty);
        File.Copy(Path.Combine(RepositoryRoot.Path, ".config", "dotnet-tools.json"), Path.Combine(root, ".config", "dotnet-tools.json"));
        await File.WriteAllTextAsync(Path.Combine(root, "global.json"), """
            { "sdk": { "version": "10.0.100", "rollForward": "latestMajor" }, "test": { "runner": "Microsoft.Testing.Platform" } }
            """);
        await WriteAsync("src/Sample/Sample.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
            </Project>
            """);
        await WriteAsync("src/Sample/Calculator.cs", """
            namespace Sample;

            public static class Calculator
            {
                public static int Add(int left, int right) => left + right;

                public static int Subtract(int left, int right) => left - right;
            }
            """);
        await WriteAsync("tests/Sample.UnitTests/Sample.UnitTests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="xunit.v3" Version="4.0.3" />
                <PackageReference Include="Microsoft.Testing.Extensions.TrxReport" Version="2.5.3" />
                <PackageReference Include="Microsoft.Testing.Extensions.HangDump" Version="2.5.3" />
                <PackageReference Include="coverlet.MTP" Version="10.1.1" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../../src/Sample/Sample.csproj" />
              </ItemGroup>
            </Project>
            """);
        await WriteAsync("tests/Sample.UnitTests/CalculatorTests.cs", """
            namespace Sample.UnitTests;

            public class CalculatorTests
            {
                [Xunit.Fact]
                public void Adds() => Xunit.Assert.Equal(3, Calculator.Add(1, 2));

                [Xunit.Fact]
                public void Subtracts() => Xunit.Assert.Equal(1, Calculator.Subtract(3, 2));

                [Xunit.Fact(Skip = "not yet")]
                public void Multiplies()
                {
                }
            }
            """);
        await DotNetBuildAsync("tests/Sample.UnitTests/Sample.UnitTests.csproj");
    }

    public Task DisposeAsync()
    {
        ScratchFolder.Delete(root);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task UnitTest_runs_an_xunit_v3_project_on_the_testing_platform_and_Test_reads_its_counts_and_coverage()
    {
        var (exitCode, output) = await RunAsync("UnitTest", "Test", "--skip");

        Assert.True(exitCode == 0, output);
        Assert.Contains("--report-trx --report-trx-filename Sample.UnitTests.trx", output, StringComparison.Ordinal);
        Assert.Contains("--coverlet --coverlet-output-format cobertura", output, StringComparison.Ordinal);
        Assert.DoesNotContain("--logger", output, StringComparison.Ordinal);
        Assert.Contains("tests: 2 passed, 0 failed, 1 skipped", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, "artifacts", "test-results", "Sample.UnitTests.trx")), output);
        Assert.True(File.Exists(Path.Combine(root, "artifacts", "coverage", "raw", "Sample.UnitTests.cobertura.xml")), output);
        Assert.Contains("coverage: 100.0% of lines", output, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture);
        var exitCode = await BuildRunner.RunAsync(
            () => new PlatformBuild(),
            [],
            [.. arguments, "--root", root, "--verbosity", "Verbose"],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = Path.GetTempPath() },
            output,
            installSignalHandlers: false);
        return (exitCode, output.ToString());
    }

    private Task WriteAsync(string relativePath, string content)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return File.WriteAllTextAsync(path, content);
    }

    private async Task DotNetBuildAsync(string project)
    {
        var start = new ProcessStartInfo("dotnet", ["build", project, "--nologo", "-v", "q"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet build {project} failed:\n{await stdout}\n{await stderr}");
    }

    private sealed class PlatformBuild : KilnBuild, IHazGitVersion, IUnitTest, IReportCoverage;
}
