using Kiln.IntegrationTests;
using Kiln.SystemTests.Publishing;

namespace Kiln.SystemTests.Templating;

/// <summary>
/// .NET repositories without Kiln (Templates/Plain: Product.sln, a library, its tests in Product.Tests and
/// Product.Integration) that get their build as a newcomer does: the Kiln.Templates package that Publish wrote to the
/// local feed, installed into a template hive of their own, then <c>dotnet new kiln</c> in the root. Users restore Kiln
/// from nuget.org; here a nuget.config names the local feed instead, with a packages folder of its own so that no copy
/// of the same version cached by an earlier run stands in. The repository is committed, then built.
/// <list type="bullet">
/// <item>The newcomer's: <c>--solution Product.sln --default-branch trunk</c>, the tiers' patterns matching its projects
/// and <c>--system-tests ""</c> (it has none), deploy off; <c>./build.sh Test</c>, whose first run writes the workflows,
/// then <c>./build.sh --generate-workflows</c>.</item>
/// <item>A deploying one: <c>--deploy</c>, the other options at their defaults; <c>./build.sh --generate-workflows</c> only.</item>
/// </list>
/// The sample's projects do not follow the default patterns (*.UnitTests, *.IntegrationTests), which select test projects
/// anywhere under tests/: this repository's own build would run them as its own tests.
/// Expected duration, beyond Publish's fixture: about 2 minutes, measured on two cores under a load average of 20-30:
/// 1.5 for the newcomer's (restoring the build's and the tests' packages into an empty folder, compiling build/, two
/// test projects, the coverage report) and 20 s for the deploying one, whose packages are restored already.
/// Everything lives in one temporary folder, deleted at the end.
/// </summary>
public sealed class TemplatedRepositories : IAsyncLifetime
{
    /// <summary>The first run restores and compiles everything; allow for a slow, busy machine.</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    private readonly string scratch = Directory.CreateTempSubdirectory("kiln-template-").FullName;
    // Each is created by the first test that asks for it; the tests of a class run one at a time, so no lock is needed.
    private Task<TemplatedRepository>? newcomers;
    private Task<TemplatedRepository>? deploying;
    private Task<TemplateHive>? hive;

    private static string Templates => Path.Combine(RepositoryRoot.Path, "tests", "Kiln.SystemTests", "SampleRepository", "Templates");

    private string Packages => Path.Combine(scratch, "packages");

    /// <summary>The newcomer's repository: trunk as the default branch, Product.sln, no deploy; tested and its workflows generated.</summary>
    internal Task<TemplatedRepository> NewcomersAsync(PublishedCheckout published) =>
        newcomers ??= CreateAsync(
            published,
            "newcomer",
            "trunk",
            ["--solution", "Product.sln", "--default-branch", "trunk", "--unit-tests", "tests/**/*.Tests.csproj", "--integration-tests", "tests/**/*.Integration.csproj", "--system-tests", ""],
            [["Test"], ["--generate-workflows"]]);

    /// <summary>A repository that deploys, its solution the one found in the root: its workflows generated.</summary>
    internal Task<TemplatedRepository> DeployingAsync(PublishedCheckout published) =>
        deploying ??= CreateAsync(published, "deploying", "main", ["--deploy"], [["--generate-workflows"]]);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        ScratchFolder.Delete(scratch);
        return Task.CompletedTask;
    }

    private async Task<TemplatedRepository> CreateAsync(PublishedCheckout published, string name, string branch, string[] options, string[][] runs)
    {
        var templates = await (hive ??= InstallAsync(published));
        var root = Path.Combine(scratch, name);
        ScratchFolder.Copy(Path.Combine(Templates, "Plain"), root);
        File.Copy(Path.Combine(RepositoryRoot.Path, "Directory.Packages.props"), Path.Combine(root, "Directory.Packages.props"));

        var (exitCode, output) = await templates.RunNewAsync(root, ["kiln", .. options]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet new kiln {string.Join(' ', options)} exited with code {exitCode}:{Environment.NewLine}{output}");
        }

        await File.WriteAllTextAsync(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Packages}" />
              </config>
              <packageSources>
                <add key="kiln-published" value="{published.Feed}" />
              </packageSources>
            </configuration>
            """);

        await ScratchGit.RunAsync(root, "init", "--quiet", "--initial-branch", branch);
        await ScratchGit.RunAsync(root, "add", "--all");
        await ScratchGit.RunAsync(root, "commit", "--quiet", "--message", "Kiln, from dotnet new kiln");

        var results = new Dictionary<string, BuildRun>(StringComparer.Ordinal);
        foreach (var arguments in runs)
        {
            results[string.Join(' ', arguments)] = await BuildProcess.RunAsync(root, arguments, timeout: RunTimeout);
        }

        // What the runs changed of the committed files: the template's and the repository's own (new files, such as the
        // workflows and the schema the first run writes, are not changes).
        var changed = await ScratchGit.RunAsync(root, "status", "--porcelain", "--untracked-files=no");
        return new TemplatedRepository(root, templates, results, changed);
    }

    /// <summary>A hive with the Kiln.Templates package of the feed installed.</summary>
    private async Task<TemplateHive> InstallAsync(PublishedCheckout published)
    {
        var package = Directory.EnumerateFiles(published.Feed, "*.nupkg", SearchOption.AllDirectories)
            .Single(file => Path.GetFileName(file).Equals($"Kiln.Templates.{published.Version}.nupkg", StringComparison.OrdinalIgnoreCase));
        var installed = new TemplateHive(Path.Combine(scratch, "hive"));
        await installed.InstallAsync(package);
        return installed;
    }
}
