using Kiln.Versioning.Output;

namespace Kiln.Components;

/// <summary>
/// A build with a version computed from git history and GitVersion.yml, as GitVersion 6 computes it (the name
/// NUKE users know from Nuke.Components). The <see cref="Version"/> target computes it once per run, prints it and
/// puts it in the summary; targets that stamp it depend on <see cref="Version"/> and read <see cref="Versions"/>,
/// for example <c>Properties = Versions.ToMSBuildProperties()</c> for <c>dotnet build</c> and <c>dotnet pack</c>.
/// As an <see cref="IHazVersion"/>, it gives <see cref="IHazVersion.SemVer"/> and <see cref="IHazVersion.VersionProperties"/>
/// to the components that stamp the version.
/// </summary>
public interface IHazGitVersion : IHazVersion
{
    /// <inheritdoc/>
    string IHazVersion.SemVer => Versions.SemVer;

    /// <inheritdoc/>
    IReadOnlyDictionary<string, string> IHazVersion.VersionProperties => Versions.ToMSBuildProperties();

    /// <summary>
    /// HEAD's version variables, computed once per build instance and shared by every target. Depend on
    /// <see cref="Version"/> to have it computed (asynchronously) before a target reads it; read elsewhere, it is
    /// computed on first use.
    /// </summary>
    /// <exception cref="Versioning.VersioningException">Not a repository, a shallow clone, or a bad GitVersion.yml.</exception>
    VersionVariables Versions => GitVersionCache.Get(this);

    /// <summary>Computes the version, prints its key variables and shows FullSemVer in the summary table.</summary>
    /// <remarks>Every CI job computes it again on its own runner: it is cheap, and the job's targets stamp it.</remarks>
    [GitHubActions.GitHubActionsJob(PreparesRunner = true)]
    Target Version => _ => _
        .Description("Computes the version from git history and GitVersion.yml, as GitVersion 6 does.")
        .Executes(async cancellationToken =>
        {
            var versions = await GitVersionCache.GetAsync(this, cancellationToken).ConfigureAwait(false);
            string[] shown =
            [
                nameof(VersionVariables.SemVer), nameof(VersionVariables.FullSemVer), nameof(VersionVariables.InformationalVersion),
                nameof(VersionVariables.AssemblySemVer), nameof(VersionVariables.AssemblySemFileVer), nameof(VersionVariables.BranchName),
                nameof(VersionVariables.Sha), nameof(VersionVariables.CommitsSinceVersionSource),
            ];
            var width = shown.Max(name => name.Length);
            foreach (var name in shown)
            {
                Log.Information($"{name.PadRight(width)}  {versions[name] ?? "(none)"}");
            }

            KilnBuild.ReportSummary(versions.FullSemVer);
        });
}
