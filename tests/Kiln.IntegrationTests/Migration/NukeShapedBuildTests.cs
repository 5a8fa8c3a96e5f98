using System.Diagnostics;
using Kiln.IntegrationTests.Versioning;
using Kiln.Testing;

namespace Kiln.IntegrationTests.Migration;

/// <summary>
/// A NUKE-shaped build (Samples/NukeShapedBuild: NUKE's idioms, only its using lines and base class changed) compiled
/// by build.sh and run on a small repository with real git and dotnet, from Clean to a push into a folder feed.
/// </summary>
public sealed class NukeShapedBuildTests : IDisposable
{
    /// <summary>Compiling the build, then restoring, building, testing and packing the sample.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    private const string FeedApiKey = "feed-key-0d6c1a9e";

    private readonly ScratchRepository repository = new();

    public void Dispose() => repository.Dispose();

    [Fact]
    public async Task A_NUKE_shaped_build_compiles_and_runs_from_Clean_to_Publish_with_GitVersion_values_and_a_masked_secret()
    {
        await CreateSampleAsync();

        var run = await BuildProcess.RunAsync(
            repository.Folder, ["Clean", "Publish", "--feed-api-key", FeedApiKey, "--verbosity", "Verbose"], timeout: Timeout);

        run.AssertExitCode(0);
        var head = await repository.HeadAsync();
        Assert.Equal(["Clean", "Restore", "Compile", "Test", "Pack", "Publish"], run.SummaryTargets);

        // The Kiln package's analyzer listed the parameters and targets at compile time; the readonly secret field
        // (set from the command line below) was set through the generated code.
        Assert.Contains("KilnBuildMembers_Build", CompiledTypeNames(Path.Combine(repository.Folder, ".nuke", "temp", "bootstrap", "bin", "_build", "debug", "_build.dll")));

        // Log message templates rendered with their values; the secret masked in a template and everywhere else.
        Assert.Contains(run.Lines, line => line.Contains("Building 1.0.1-login.1+1 of Greeter on feature/login", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.Contains($"Publishing {head} from feature/login with key ***", StringComparison.Ordinal));
        Assert.DoesNotContain(FeedApiKey, run.Output, StringComparison.Ordinal);

        // Verbose output shows each command line the fluent settings made.
        var solution = Path.Combine(repository.Folder, "Greeter.sln");
        Assert.Contains(run.Lines, line => line.Contains(
            $"> dotnet build {solution} --configuration Debug --no-restore -p:AssemblyVersion=1.0.1.0 -p:FileVersion=1.0.1.0 -p:InformationalVersion=1.0.1-login.1+1.Branch.feature-login.Sha.{head} --nologo",
            StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.Contains(
            $"> dotnet test {Path.Combine(repository.Folder, "tests", "Greeter.Tests", "Greeter.Tests.csproj")} --configuration Debug --no-build --no-restore",
            StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.Contains("> dotnet nuget push ", StringComparison.Ordinal));

        // Compile stamped the assembly with the GitVersion values.
        var assembly = FileVersionInfo.GetVersionInfo(Path.Combine(repository.Folder, "src", "Greeter", "bin", "Debug", "net10.0", "Greeter.dll"));
        Assert.Equal("1.0.1.0", assembly.FileVersion);
        // (The SDK appends the commit again, as it does to any InformationalVersion in a git repository.)
        Assert.StartsWith($"1.0.1-login.1+1.Branch.feature-login.Sha.{head}", assembly.ProductVersion, StringComparison.Ordinal);

        // Test ran the test project CombineWith made, with its TRX logger.
        Assert.Equal(new TestCounts(3, 0, 0), TestCounts.FromTrx(Path.Combine(repository.Folder, "artifacts", "test-results", "Greeter.Tests.trx")));

        // Pack versioned the package with NuGetVersionV2, and Publish pushed it.
        var packages = Directory.GetFiles(Path.Combine(repository.Folder, "artifacts", "packages"), "*.nupkg").Select(Path.GetFileName);
        Assert.Equal(["Greeter.1.0.1-login0001.nupkg"], packages);
        var anyCase = new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive, RecurseSubdirectories = true };
        Assert.Single(Directory.GetFiles(Path.Combine(repository.Folder, "artifacts", "feed"), "Greeter.1.0.1-login0001.nupkg", anyCase));
    }

    private static List<string> CompiledTypeNames(string assembly)
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(assembly));
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return [.. metadata.TypeDefinitions.Select(handle => metadata.GetString(metadata.GetTypeDefinition(handle).Name))];
    }

    /// <summary>The sample with this checkout's build.sh and global.json, on a feature branch one commit after 1.0.0.</summary>
    private async Task CreateSampleAsync()
    {
        var checkout = RepositoryRoot.Path;
        ScratchFolder.Copy(Path.Combine(checkout, "tests", "Kiln.IntegrationTests", "Samples", "NukeShapedBuild"), repository.Folder);
        CheckoutBootstrapper.CopyTo(repository.Folder);
        await CompiledKiln.WriteDirectoryBuildPropsAsync(repository.Folder);
        await repository.GitAsync("init", "-q", "-b", "main");
        await repository.GitAsync("add", "-A");
        await repository.CommitAsync("first");
        await repository.GitAsync("tag", "1.0.0");
        await repository.GitAsync("checkout", "-q", "-b", "feature/login");
        await repository.CommitAsync("second");
    }
}
