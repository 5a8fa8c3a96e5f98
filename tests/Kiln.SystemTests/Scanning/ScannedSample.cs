using System.Security.Cryptography;
using Kiln.IntegrationTests;
using Kiln.SystemTests.SampleRepository;

namespace Kiln.SystemTests.Scanning;

/// <summary>
/// The sample repository (whose build implements IScan) through a developer's day with Scan: a scan of the clean
/// repository; a commit that leaks a GitHub token, scanned again; then the pre-commit hook InstallHooks installs,
/// stopping a commit whose staged changes hold a NuGet API key. The secrets are generated here, never committed to this
/// checkout. Each step's run and files are kept for the tests to look at.
/// </summary>
public sealed class ScannedSample : IAsyncLifetime
{
    private static readonly TimeSpan ScanTimeout = TimeSpan.FromMinutes(6);

    private readonly PassingSample sample = new();

    /// <summary>A generated classic GitHub token, committed in src/Sample/Settings.cs at line 5.</summary>
    public string LeakedToken { get; } = "ghp_" + Random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 36);

    /// <summary>A generated NuGet API key, staged in nuget-push.txt when the hook stopped the commit.</summary>
    public string StagedKey { get; } = "oy2" + Random("abcdefghijklmnopqrstuvwxyz0123456789", 43);

    internal BuildRun CleanScan { get; private set; } = null!;

    public string CleanSarif { get; private set; } = "";

    public string CleanSbom { get; private set; } = "";

    internal BuildRun LeakedScan { get; private set; } = null!;

    public string LeakedSarif { get; private set; } = "";

    internal BuildRun InstallHooks { get; private set; } = null!;

    public (int ExitCode, string Output, string Error) HookedCommit { get; private set; }

    public int CommitsBeforeHookedCommit { get; private set; }

    public int CommitsAfterHookedCommit { get; private set; }

    public async Task InitializeAsync()
    {
        await sample.InitializeAsync();
        var root = sample.Root;
        var scan = Path.Combine(root, "artifacts", "scan");

        CleanScan = await BuildProcess.RunAsync(root, ["Scan"], timeout: ScanTimeout);
        CleanSarif = ReadIfExists(Path.Combine(scan, "kiln.sarif"));
        CleanSbom = ReadIfExists(Path.Combine(scan, "sbom.cdx.json"));

        await File.WriteAllTextAsync(Path.Combine(root, "src", "Sample", "Settings.cs"), $$"""
            namespace Sample;

            internal static class Settings
            {
                internal const string GitHubToken = "{{LeakedToken}}";
            }

            """);
        await ScratchGit.RunAsync(root, "add", "--all");
        await ScratchGit.RunAsync(root, "commit", "--quiet", "--message", "Add settings");
        LeakedScan = await BuildProcess.RunAsync(root, ["Scan"], timeout: ScanTimeout);
        LeakedSarif = ReadIfExists(Path.Combine(scan, "kiln.sarif"));

        InstallHooks = await BuildProcess.RunAsync(root, ["InstallHooks"]);
        CommitsBeforeHookedCommit = await CommitCountAsync(root);
        await File.WriteAllTextAsync(Path.Combine(root, "nuget-push.txt"), $"dotnet nuget push --api-key {StagedKey}\n");
        await ScratchGit.RunAsync(root, "add", "nuget-push.txt");
        HookedCommit = await ScratchGit.TryRunAsync(root, "commit", "--message", "Push script");
        CommitsAfterHookedCommit = await CommitCountAsync(root);
    }

    public Task DisposeAsync() => sample.DisposeAsync();

    private static async Task<int> CommitCountAsync(string root) =>
        int.Parse((await ScratchGit.RunAsync(root, "rev-list", "--count", "HEAD")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

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
