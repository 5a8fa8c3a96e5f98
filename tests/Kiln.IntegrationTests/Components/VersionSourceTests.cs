using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Kiln.Components;
using Kiln.Execution;
using Kiln.IntegrationTests.Versioning;

namespace Kiln.IntegrationTests.Components;

/// <summary>
/// ICompile and IPack with a version that is not git's: a build that implements IHazVersion itself, reading a file, run
/// in-process over a scratch repository with a tiny library and real dotnet.
/// </summary>
[Collection(InProcessRuns.Name)]
public sealed class VersionSourceTests : IDisposable
{
    private readonly ScratchRepository repository = new();

    public void Dispose() => repository.Dispose();

    [Fact]
    public async Task Pack_stamps_the_version_a_build_reads_from_a_file_and_never_runs_the_git_Version_target()
    {
        repository.WriteFile("version.txt", "3.1.4\n");
        repository.WriteFile("Sample.slnx", """<Solution><Project Path="src/Sample/Sample.csproj" /></Solution>""");
        repository.WriteFile("src/Sample/Sample.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
            </Project>
            """);
        repository.WriteFile("src/Sample/Greeter.cs", "namespace Sample;\n\npublic static class Greeter\n{\n    public static string Greet() => \"hello\";\n}\n");
        repository.WriteFile(".nuke/parameters.json", "{}");
        await repository.RunScriptAsync("""
            git init --quiet --initial-branch=main
            git add -A
            git commit --quiet -m "first"
            """);
        using var output = new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture);

        var exitCode = await BuildRunner.RunAsync(
            () => new FileVersionBuild(),
            [],
            ["Pack", "--root", repository.Folder],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = Path.GetTempPath() },
            output,
            installSignalHandlers: false);

        Assert.True(exitCode == 0, output.ToString());
        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n').Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Contains(lines, line => line.StartsWith("Compile Succeeded ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("Version ", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(repository.Folder, "artifacts", "packages", "Sample.3.1.4.nupkg")), output.ToString());
        var assembly = Path.Combine(repository.Folder, "src", "Sample", "bin", "Debug", "net10.0", "Sample.dll");
        Assert.Equal(new Version(3, 1, 0, 0), AssemblyName.GetAssemblyName(assembly).Version);
        Assert.Equal("3.1.4+from-a-file", FileVersionInfo.GetVersionInfo(assembly).ProductVersion);
    }

    private sealed class FileVersionBuild : KilnBuild, IPack
    {
        string IHazVersion.SemVer => File.ReadAllText(RootDirectory / "version.txt").Trim();

        IReadOnlyDictionary<string, string> IHazVersion.VersionProperties => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Version"] = From<IHazVersion>().SemVer,
            ["AssemblyVersion"] = "3.1.0.0",
            ["InformationalVersion"] = From<IHazVersion>().SemVer + "+from-a-file",
            ["IncludeSourceRevisionInInformationalVersion"] = "false",
        };
    }
}
