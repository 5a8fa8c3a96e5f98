using System.Collections.Concurrent;
using Kiln.IntegrationTests;

namespace Kiln.SystemTests.SampleRepository;

/// <summary>
/// A sample repository in a temporary folder, as a user of Kiln would have it: Sample.sln with a library and its
/// xUnit tests (Templates/Sample), this checkout's bootstrappers, global.json and package versions, a build/ that
/// references this checkout's Kiln.Components, all in a first git commit. Created once for a test class; build/ is
/// compiled by running <c>./build.sh --help</c>, so a test's run measures the build, not the first compile. The
/// compiled Kiln projects go to the sample's .nuke/temp/bootstrap (build.sh's ArtifactsPath), never into this
/// checkout's src/*/obj. The folder is deleted at the end.
/// </summary>
public abstract class SampleRepositoryFixture : IAsyncLifetime
{
    /// <summary>The first compile builds Kiln and the sample's build from scratch; allow for a slow, busy machine.</summary>
    private static readonly TimeSpan FirstCompileTimeout = TimeSpan.FromMinutes(5);

    /// <summary>One run: restore, compile and test of a two-project solution.</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(4);

    /// <summary>The sample's files that may hold @PLACEHOLDER@s.</summary>
    private static readonly string[] PlaceholderFiles = ["Directory.Build.props", "nuget.config"];

    private readonly string[] overlays;
    private readonly ConcurrentDictionary<string, Lazy<Task<BuildRun>>> runs = new(StringComparer.Ordinal);

    /// <param name="overlays">Folders under Templates/ copied over the sample, in order, to make a variant of it.</param>
    protected SampleRepositoryFixture(params string[] overlays)
    {
        this.overlays = overlays;
        Root = Path.Combine(Path.GetTempPath(), "kiln-sample-" + Guid.NewGuid().ToString("N")[..12]);
    }

    /// <summary>The sample's root: build.sh, Sample.sln, .nuke/, build/, src/, tests/.</summary>
    public string Root { get; }

    /// <summary>Where the sample's UnitTest target writes its TRX report.</summary>
    public string TrxFile => Path.Combine(Root, "artifacts", "test-results", "Sample.Tests.trx");

    /// <summary>Where the sample's UnitTest target moves coverlet's report.</summary>
    public string CoverageFile => Path.Combine(Root, "artifacts", "coverage", "coverage.cobertura.xml");

    /// <summary>What the sample's Directory.Build.props and nuget.config say in place of each @PLACEHOLDER@.</summary>
    protected virtual IReadOnlyDictionary<string, string> Placeholders =>
        new Dictionary<string, string>(StringComparer.Ordinal) { ["@KILN_CHECKOUT@"] = RepositoryRoot.Path };

    private static string Templates => Path.Combine(RepositoryRoot.Path, "tests", "Kiln.SystemTests", "SampleRepository", "Templates");

    public async Task InitializeAsync()
    {
        var checkout = RepositoryRoot.Path;
        ScratchFolder.Copy(Path.Combine(Templates, "Sample"), Root);
        foreach (var overlay in overlays)
        {
            ScratchFolder.Copy(Path.Combine(Templates, overlay), Root);
        }

        foreach (var file in new[] { "build.sh", "build.ps1", "build.cmd", "global.json", "Directory.Packages.props" })
        {
            File.Copy(Path.Combine(checkout, file), Path.Combine(Root, file), overwrite: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(Root, "build.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        foreach (var file in PlaceholderFiles.Select(name => Path.Combine(Root, name)).Where(File.Exists))
        {
            var text = await File.ReadAllTextAsync(file);
            foreach (var (placeholder, value) in Placeholders)
            {
                text = text.Replace(placeholder, value, StringComparison.Ordinal);
            }

            await File.WriteAllTextAsync(file, text);
        }

        await GitAsync("init", "--quiet");
        await GitAsync("add", "--all");
        await GitAsync("commit", "--quiet", "--message", "Sample repository");

        var compile = await BuildProcess.RunAsync(Root, ["--help"], timeout: FirstCompileTimeout);
        if (compile.ExitCode != 0)
        {
            throw new InvalidOperationException($"The sample's build in {Root} did not compile and run.{Environment.NewLine}{compile}");
        }
    }

    /// <summary>
    /// Runs <c>./build.sh</c> with the arguments once per fixture: the tests of a class that look at the same run
    /// (its exit code, its summary, the files it wrote) share it. Kills the process tree when it runs too long.
    /// </summary>
    internal Task<BuildRun> RunOnceAsync(params string[] arguments) =>
        runs.GetOrAdd(
            string.Join('\0', arguments),
            _ => new Lazy<Task<BuildRun>>(() => BuildProcess.RunAsync(Root, arguments, timeout: RunTimeout))).Value;

    public Task DisposeAsync()
    {
        ScratchFolder.Delete(Root);
        return Task.CompletedTask;
    }

    private Task<string> GitAsync(params string[] arguments) => ScratchGit.RunAsync(Root, arguments);
}
