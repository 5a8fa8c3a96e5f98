using System.Security.Cryptography;
using System.Xml.Linq;
using Kiln.IntegrationTests;
using Kiln.IntegrationTests.Scanning;
using Kiln.SystemTests.Packages;
using Kiln.SystemTests.Rehearsal;

namespace Kiln.SystemTests.SampleRepository;

/// <summary>
/// A sample repository in a temporary folder, as a user of Kiln has it, through a developer's day. The repository:
/// Sample.sln with a library and its xUnit tests (Templates/Sample), this checkout's bootstrappers, global.json and
/// package versions, a build/ that restores Kiln.Components from the feed of this checkout's packages
/// (<see cref="KilnPackages"/>) and declares a workflow, all in a first git commit. The day, one step after another
/// on the same repository, so that build/ and the solution compile once: Compile; UnitTest; the generated workflow
/// committed and rehearsed on fresh runners; Scan of the clean repository, its packages checked against a local source
/// that serves vulnerability data; a commit that leaks a GitHub token, scanned
/// again; the pre-commit hook stopping a commit that stages a NuGet API key; a failing test added and UnitTest again.
/// Each step's run and files are kept for the tests to look at; no step stops the day, so each test reports on its
/// own step. The secrets are generated here, never committed to this checkout. The folder is deleted at the end.
/// </summary>
public sealed class SampleRepositoryFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The first compile restores Kiln and compiles the sample's build; allow for a slow, busy machine.</summary>
    private static readonly TimeSpan FirstCompileTimeout = TimeSpan.FromMinutes(4);

    private readonly string scratch = Directory.CreateTempSubdirectory("kiln-sample-").FullName;

    // A source of the sample's that serves vulnerability data, with an advisory for versions of xunit the sample does
    // not use: Scan checks against it on any machine, whatever the machine's own registry serves.
    private readonly LocalVulnerabilityFeed vulnerabilityFeed = new()
    {
        Vulnerabilities = [new KnownVulnerability("xunit", "[1.0.0, 2.0.0)", VulnerabilitySeverity.High, new Uri("https://github.com/advisories/GHSA-kiln-sample-0001"))],
        Versions = new Dictionary<string, string[]> { ["xunit"] = ["1.9.2", "2.9.3"] },
    };

    /// <summary>The sample's root: build.sh, Sample.sln, .nuke/, build/, src/, tests/.</summary>
    public string Root => Path.Combine(scratch, "sample");

    /// <summary>Where the rehearsal keeps its runners and its artifact store.</summary>
    public string RehearsalFolder => Path.Combine(scratch, "rehearsal");

    /// <summary>A generated classic GitHub token, committed in src/Sample/Settings.cs at line 5.</summary>
    public string LeakedToken { get; } = "ghp_" + Random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 36);

    /// <summary>A generated NuGet API key, staged in nuget-push.txt when the hook stopped the commit.</summary>
    public string StagedKey { get; } = "oy2" + Random("abcdefghijklmnopqrstuvwxyz0123456789", 43);

    internal BuildRun Compile { get; private set; } = null!;

    internal BuildRun PassingUnitTest { get; private set; } = null!;

    internal TrxReport? PassingTrx { get; private set; }

    internal XDocument? PassingCoverage { get; private set; }

    internal IReadOnlyList<JobRun> Rehearsal { get; private set; } = [];

    internal BuildRun CleanScan { get; private set; } = null!;

    public string CleanSarif { get; private set; } = "";

    public string CleanSbom { get; private set; } = "";

    internal BuildRun LeakedScan { get; private set; } = null!;

    public string LeakedSarif { get; private set; } = "";

    internal BuildRun InstallHooks { get; private set; } = null!;

    public (int ExitCode, string Output, string Error) HookedCommit { get; private set; }

    public int CommitsBeforeHookedCommit { get; private set; }

    public int CommitsAfterHookedCommit { get; private set; }

    internal BuildRun FailingUnitTest { get; private set; } = null!;

    internal TrxReport? FailingTrx { get; private set; }

    private static string Templates => Path.Combine(RepositoryRoot.Path, "tests", "Kiln.SystemTests", "SampleRepository", "Templates");

    private string TrxFile => Path.Combine(Root, "artifacts", "test-results", "Sample.Tests.trx");

    private string ScanFolder => Path.Combine(Root, "artifacts", "scan");

    public async Task InitializeAsync()
    {
        await CreateAsync();

        Compile = await BuildProcess.RunAsync(Root, ["Compile"]);
        PassingUnitTest = await BuildProcess.RunAsync(Root, ["UnitTest"]);
        PassingTrx = File.Exists(TrxFile) ? TrxReport.Load(TrxFile) : null;
        var coverage = Path.Combine(Root, "artifacts", "coverage", "coverage.cobertura.xml");
        PassingCoverage = File.Exists(coverage) ? XDocument.Load(coverage) : null;

        // The workflow as a user commits it; each rehearsed job clones the repository as it is now.
        (await BuildProcess.RunAsync(Root, ["--generate-workflows"])).AssertExitCode(0);
        await CommitAsync("The generated workflow and parameters schema");
        using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5)))
        {
            Rehearsal = await new WorkflowRehearsal(Root, RehearsalFolder).RunAsync(Path.Combine(Root, ".github", "workflows", "ci.yml"), limit.Token);
        }

        await ScanAsync();

        ScratchFolder.Copy(Path.Combine(Templates, "FailingTest"), Root);
        FailingUnitTest = await BuildProcess.RunAsync(Root, ["UnitTest"]);
        FailingTrx = File.Exists(TrxFile) ? TrxReport.Load(TrxFile) : null;
    }

    public Task DisposeAsync()
    {
        ScratchFolder.Delete(scratch);
        return Task.CompletedTask;
    }

    public void Dispose() => vulnerabilityFeed.Dispose();

    private async Task CreateAsync()
    {
        var checkout = RepositoryRoot.Path;
        ScratchFolder.Copy(Path.Combine(Templates, "Sample"), Root);
        foreach (var file in new[] { "build.sh", "build.ps1", "build.cmd", "global.json", "Directory.Packages.props" })
        {
            File.Copy(Path.Combine(checkout, file), Path.Combine(Root, file), overwrite: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(Root, "build.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var kiln = await KilnPackages.GetAsync();
        var props = Path.Combine(Root, "Directory.Build.props");
        await File.WriteAllTextAsync(props, (await File.ReadAllTextAsync(props)).Replace("@KILN_VERSION@", kiln.Version, StringComparison.Ordinal));
        await kiln.WriteNuGetConfigAsync(Root, vulnerabilityFeed.ServiceIndex);

        await ScratchGit.RunAsync(Root, "init", "--quiet");
        await CommitAsync("Sample repository");

        // build/ is compiled here, so that the day's runs measure the build, not the first compile.
        var compile = await BuildProcess.RunAsync(Root, ["--help"], timeout: FirstCompileTimeout);
        if (compile.ExitCode != 0)
        {
            throw new InvalidOperationException($"The sample's build in {Root} did not compile and run.{Environment.NewLine}{compile}");
        }
    }

    /// <summary>Scan of the clean repository, then of a commit that leaks a token; then the hook stops a staged key.</summary>
    private async Task ScanAsync()
    {
        CleanScan = await BuildProcess.RunAsync(Root, ["Scan"]);
        CleanSarif = ReadIfExists(Path.Combine(ScanFolder, "kiln.sarif"));
        CleanSbom = ReadIfExists(Path.Combine(ScanFolder, "sbom.cdx.json"));

        await File.WriteAllTextAsync(Path.Combine(Root, "src", "Sample", "Settings.cs"), $$"""
            namespace Sample;

            internal static class Settings
            {
                internal const string GitHubToken = "{{LeakedToken}}";
            }

            """);
        await CommitAsync("Add settings");
        LeakedScan = await BuildProcess.RunAsync(Root, ["Scan"]);
        LeakedSarif = ReadIfExists(Path.Combine(ScanFolder, "kiln.sarif"));

        InstallHooks = await BuildProcess.RunAsync(Root, ["InstallHooks"]);
        CommitsBeforeHookedCommit = await CommitCountAsync();
        await File.WriteAllTextAsync(Path.Combine(Root, "nuget-push.txt"), $"dotnet nuget push --api-key {StagedKey}\n");
        await ScratchGit.RunAsync(Root, "add", "nuget-push.txt");
        HookedCommit = await ScratchGit.TryRunAsync(Root, "commit", "--message", "Push script");
        CommitsAfterHookedCommit = await CommitCountAsync();
        await ScratchGit.RunAsync(Root, "rm", "--cached", "--quiet", "nuget-push.txt");
        File.Delete(Path.Combine(Root, "nuget-push.txt"));
    }

    private async Task CommitAsync(string message)
    {
        await ScratchGit.RunAsync(Root, "add", "--all");
        await ScratchGit.RunAsync(Root, "commit", "--quiet", "--message", message);
    }

    private async Task<int> CommitCountAsync() =>
        int.Parse((await ScratchGit.RunAsync(Root, "rev-list", "--count", "HEAD")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static string ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    private static string Random(string alphabet, int length) =>
        string.Create(length, alphabet, (characters, letters) =>
        {
            for (var index = 0; index < characters.Length; index++)
            {
                characters[index] = letters[RandomNumberGenerator.GetInt32(letters.Length)];
            }
        });
}
