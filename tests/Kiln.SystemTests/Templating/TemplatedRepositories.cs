using Kiln.IntegrationTests;
using Kiln.SystemTests.Packages;

namespace Kiln.SystemTests.Templating;

/// <summary>
/// .NET repositories without Kiln (Templates/Plain: Product.sln, a library, its tests in Product.Tests and
/// Product.Integration) that get their build as a newcomer does: the Kiln.Templates package of this checkout
/// (<see cref="KilnPackages"/>), installed into a template hive of their own, then <c>dotnet new kiln</c> in the root.
/// The feed of this checkout's packages stands in for the feed users get Kiln from: named by <c>--kiln-source</c>, or,
/// as for Kiln on nuget.org, by the repository's nuget.config. The repository is committed, then built.
/// <list type="bullet">
/// <item>The newcomer's: <c>--solution Product.sln --default-branch trunk --global-json true --kiln-source</c> the feed,
/// the tiers' patterns matching its projects, deploy off; <c>./build.sh Test</c>, whose first run writes the workflows,
/// then <c>./build.sh --generate-workflows</c>.</item>
/// <item>A deploying one: <c>--deploy</c>, the other options at their defaults; <c>./build.sh --generate-workflows</c> only.</item>
/// <item>A library laid out as public ones are (Templates/Library: test/Library.UnitTests, a multi-targeted library,
/// LangVersion 11 and analyzers as errors in its Directory.Build.props, a global.json and a workflow of its own, master
/// as its branch), with no options: <c>./build.sh --help</c>, <c>--plan Test</c>, then <c>Test</c>.</item>
/// <item>A repository on Microsoft.Testing.Platform (Templates/TestingPlatform: the runner named in its global.json, Gauge.slnx,
/// a library tested by two *.Tests projects on xunit.v3 with the TRX report, hang dump and coverlet.MTP extensions), with
/// no options: <c>./build.sh Test</c>.</item>
/// </list>
/// The samples live several folders below tests/, where the test project conventions (one folder deep under tests/ or
/// test/) do not look, so this repository's own build never runs them as its own tests.
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
    private Task<TemplatedRepository>? library;
    private Task<TemplatedRepository>? testingPlatform;
    private Task<TemplateHive>? hive;

    private static string Templates => Path.Combine(RepositoryRoot.Path, "tests", "Kiln.SystemTests", "SampleRepository", "Templates");

    /// <summary>The newcomer's repository: trunk as the default branch, Product.sln, no deploy; tested and its workflows generated.</summary>
    internal Task<TemplatedRepository> NewcomersAsync() =>
        newcomers ??= CreateAsync(
            "newcomer",
            "Plain",
            "trunk",
            kiln => ["--solution", "Product.sln", "--default-branch", "trunk", "--global-json", "true", "--kiln-source", kiln.Feed, "--unit-tests", "tests/**/*.Tests.csproj", "--integration-tests", "tests/**/*.Integration.csproj"],
            [["Test"], ["--generate-workflows"]]);

    /// <summary>A repository that deploys, its solution the one found in the root: its workflows generated.</summary>
    internal Task<TemplatedRepository> DeployingAsync() =>
        deploying ??= CreateAsync("deploying", "Plain", "main", _ => ["--deploy"], [["--generate-workflows"]]);

    /// <summary>The library with no options: its help, its plan of Test, and Test.</summary>
    internal Task<TemplatedRepository> LibraryAsync() =>
        library ??= CreateAsync("library", "Library", "master", _ => [], [["--help"], ["--plan", "Test"], ["Test"]]);

    /// <summary>The repository on Microsoft.Testing.Platform with no options: Test.</summary>
    internal Task<TemplatedRepository> TestingPlatformAsync() =>
        testingPlatform ??= CreateAsync("testing-platform", "TestingPlatform", "main", _ => [], [["Test"]]);

    /// <summary>The sample a repository was made from, for comparing files with.</summary>
    internal static string SampleFile(string sample, string path) => File.ReadAllText(Path.Combine(Templates, sample, path));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        ScratchFolder.Delete(scratch);
        return Task.CompletedTask;
    }

    private async Task<TemplatedRepository> CreateAsync(string name, string sample, string branch, Func<KilnPackages, string[]> optionsFor, string[][] runs)
    {
        var kiln = await KilnPackages.GetAsync();
        var templates = await (hive ??= InstallAsync(kiln));
        var root = Path.Combine(scratch, name);
        ScratchFolder.Copy(Path.Combine(Templates, sample), root);
        File.Copy(Path.Combine(RepositoryRoot.Path, "Directory.Packages.props"), Path.Combine(root, "Directory.Packages.props"));

        var options = optionsFor(kiln);
        var (exitCode, output) = await templates.RunNewAsync(root, ["kiln", .. options]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet new kiln {string.Join(' ', options)} exited with code {exitCode}:{Environment.NewLine}{output}");
        }

        // The run's own packages folder either way; the feed in the root's nuget.config only when the build does not name it.
        await (options.Contains("--kiln-source") ? kiln.WriteNuGetConfigWithoutFeedAsync(root) : kiln.WriteNuGetConfigAsync(root));

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

    /// <summary>A hive with the Kiln.Templates package of this checkout installed.</summary>
    private async Task<TemplateHive> InstallAsync(KilnPackages kiln)
    {
        var package = kiln.Package("Kiln.Templates");
        var installed = new TemplateHive(Path.Combine(scratch, "hive"));
        await installed.InstallAsync(package);
        return installed;
    }
}
