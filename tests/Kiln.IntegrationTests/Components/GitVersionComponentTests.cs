using System.Globalization;
using System.Text;
using Kiln.Components;
using Kiln.Execution;
using Kiln.IntegrationTests.Versioning;
using Kiln.Versioning.Output;

namespace Kiln.IntegrationTests.Components;

/// <summary>IHazGitVersion in a build run in-process over a scratch repository with real git.</summary>
[Collection(InProcessRuns.Name)]
public sealed class GitVersionComponentTests : IDisposable
{
    private readonly ScratchRepository repository = new();

    public void Dispose() => repository.Dispose();

    [Fact]
    public async Task Version_target_prints_the_version_puts_it_in_the_summary_and_shares_it_with_later_targets()
    {
        await repository.RunScriptAsync("""
            git init --quiet --initial-branch=main
            git commit --quiet --allow-empty -m "first"
            git tag 1.0.0
            git commit --quiet --allow-empty -m "second"
            git commit --quiet --allow-empty -m "third"
            """);
        Directory.CreateDirectory(Path.Combine(repository.Folder, ".nuke"));
        var build = new VersionedBuild();
        using var output = new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture);

        var exitCode = await BuildRunner.RunAsync(
            () => build,
            [],
            ["Compile", "--root", repository.Folder],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = Path.GetTempPath() },
            output,
            installSignalHandlers: false);

        Assert.True(exitCode == 0, output.ToString());
        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n').Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Contains("FullSemVer 1.0.1-2", lines);
        Assert.Contains("AssemblySemVer 1.0.1.0", lines);
        Assert.Contains(lines, line => line.StartsWith("Version Succeeded ", StringComparison.Ordinal) && line.EndsWith(" 1.0.1-2", StringComparison.Ordinal));
        Assert.Equal("1.0.1-2", build.Stamped?["PackageVersion"]);
        Assert.Same(build.SeenByCompile, ((IHazGitVersion)build).Versions);
    }

    private sealed class VersionedBuild : KilnBuild, IHazGitVersion
    {
        public IReadOnlyDictionary<string, string>? Stamped { get; private set; }

        public VersionVariables? SeenByCompile { get; private set; }

        public Target Compile => _ => _
            .DependsOn<IHazGitVersion>(x => x.Version)
            .Executes(() =>
            {
                SeenByCompile = ((IHazGitVersion)this).Versions;
                Stamped = SeenByCompile.ToMSBuildProperties();
            });
    }
}
