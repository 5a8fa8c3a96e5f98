namespace Kiln.IntegrationTests;

/// <summary>
/// The sample build (Samples/TinyBuild) in a temporary folder with this repository's real build.sh and
/// global.json, compiled once by running <c>./build.sh --help</c>. Shared by the TinyBuild collection,
/// whose tests run one at a time; the folder is deleted at the end.
/// </summary>
public sealed class TinyBuildFixture : IAsyncLifetime
{
    /// <summary>The first compile builds the sample from scratch; allow for a slow, busy machine.</summary>
    private static readonly TimeSpan FirstCompileTimeout = TimeSpan.FromMinutes(5);

    public TinyBuildFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "kiln-integration-" + Guid.NewGuid().ToString("N")[..12]);
    }

    /// <summary>The sample's root: build.sh, global.json, .nuke/, build/.</summary>
    public string Root { get; }

    /// <summary>The first run, which compiled the build.</summary>
    internal BuildRun FirstRun { get; private set; } = null!;

    public string BuildSource => Path.Combine(Root, "build", "Build.cs");

    public string BootstrapLog => Path.Combine(Root, ".nuke", "temp", "bootstrap.log");

    /// <summary>Where build.sh compiles the build to.</summary>
    public string CompiledBuild => Path.Combine(Root, ".nuke", "temp", "bootstrap", "bin", "_build", "debug", "_build.dll");

    public string ParametersFile => Path.Combine(Root, ".nuke", "parameters.json");

    public async Task InitializeAsync()
    {
        ScratchFolder.Copy(Path.Combine(RepositoryRoot.Path, "tests", "Kiln.IntegrationTests", "Samples", "TinyBuild"), Root);
        CheckoutBootstrapper.CopyTo(Root);

        // The sample is outside the repository, so the repository's props do not apply to build/_build.csproj.
        await CompiledKiln.WriteDirectoryBuildPropsAsync(Root);

        FirstRun = await BuildProcess.RunAsync(Root, ["--help"], timeout: FirstCompileTimeout);
        if (FirstRun.ExitCode != 0)
        {
            throw new InvalidOperationException($"The sample build in {Root} did not compile and run.{Environment.NewLine}{FirstRun}");
        }
    }

    /// <summary>Runs ./build.sh with the arguments in the sample root.</summary>
    internal Task<BuildRun> RunAsync(params string[] arguments) => BuildProcess.RunAsync(Root, arguments);

    /// <summary>Runs ./build.sh with extra environment variables (null removes one).</summary>
    internal Task<BuildRun> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        BuildProcess.RunAsync(Root, arguments, environment);

    /// <summary>Starts ./build.sh without waiting for it.</summary>
    internal BuildProcess Start(params string[] arguments) => BuildProcess.Start(Root, arguments);

    public Task DisposeAsync()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        return Task.CompletedTask;
    }
}
