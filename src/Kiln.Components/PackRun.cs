using Kiln.Tooling;

namespace Kiln.Components;

/// <summary>What <see cref="IPack.Pack"/> does, kept out of the interface so that it reads as a list of members.</summary>
internal static class PackRun
{
    public static async Task RunAsync(IPack build, CancellationToken cancellationToken)
    {
        // Only this version's packages, so that Produces and Publish hand on nothing stale.
        var packages = build.PackagesDirectory;
        Directory.CreateDirectory(packages);
        foreach (var package in Directory.EnumerateFiles(packages, "*.*nupkg"))
        {
            File.Delete(package);
        }

        // The zip entries carry the commit's time rather than the clock's, so the same commit packs to the same
        // bytes; on CI the build also maps source paths to /_/ (ContinuousIntegrationBuild), which needs a
        // build of its own: the tests ran on the ordinary one, since coverage needs the local source paths.
        var properties = new Dictionary<string, string>(build.VersionProperties)
        {
            ["DeterministicTimestamp"] = await CommitTimestampAsync(cancellationToken).ConfigureAwait(false),
        };
        if (KilnBuild.IsServerBuild)
        {
            properties["ContinuousIntegrationBuild"] = "true";
        }

        await DotNet.PackAsync(
            build.PackSettings(new()
            {
                Project = build.Solution,
                Configuration = build.Configuration.ToString(),
                NoBuild = KilnBuild.SucceededTargets.Contains(nameof(ICompile.Compile)) && !KilnBuild.IsServerBuild,
                NoRestore = KilnBuild.SucceededTargets.Contains(nameof(IRestore.Restore)),
                OutputDirectory = packages,
                Properties = properties,
            }),
            cancellationToken).ConfigureAwait(false);
        KilnBuild.ReportSummary($"{Directory.EnumerateFiles(packages, "*.nupkg").Count()} packages, {build.SemVer}");
    }

    /// <summary>HEAD's commit time in seconds since the Unix epoch, as NuGet's DeterministicTimestamp takes it.</summary>
    private static async Task<string> CommitTimestampAsync(CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(
            new ToolCommand("git", ["log", "-1", "--format=%ct", "HEAD"]) { WorkingDirectory = KilnBuild.RootDirectory, EchoOutput = false },
            cancellationToken).ConfigureAwait(false);
        return result.StandardOutput.Single().Trim();
    }
}
