using Kiln.Versioning.Calculation;
using Kiln.Versioning.Configuration;
using Kiln.Versioning.Git;
using Kiln.Versioning.Output;

namespace Kiln.Versioning;

/// <summary>Computes a repository's version variables from its git history and GitVersion.yml, as GitVersion 6.x does.</summary>
public static class GitVersion
{
    /// <summary>Reads the repository that contains <paramref name="workingDirectory"/> and computes its version variables.</summary>
    /// <param name="workingDirectory">A directory inside the repository; GitVersion.yml is looked for here, then at the root.</param>
    /// <param name="configurationFile">A configuration file to use instead of the one found, or null.</param>
    /// <param name="environment">The environment to read CI hints from (GITHUB_HEAD_REF, GITHUB_REF); null for the process environment.</param>
    /// <param name="cancellationToken">Stops the git processes.</param>
    /// <exception cref="VersioningException">Not a repository, a shallow clone, no commits, or a bad configuration.</exception>
    public static async Task<VersionVariables> CalculateAsync(
        string workingDirectory,
        string? configurationFile = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var root = await GitRepositoryReader.FindRootAsync(workingDirectory, cancellationToken).ConfigureAwait(false);
        var configuration = ConfigurationLoader.Load(root, workingDirectory, configurationFile);
        var snapshot = await GitRepositoryReader.ReadAsync(
            root,
            new GitReadOptions { ReadPaths = configuration.Ignore.Paths.Count > 0, Environment = environment },
            cancellationToken).ConfigureAwait(false);
        var result = VersionCalculator.Calculate(snapshot.History, configuration, snapshot.UncommittedChanges, environment);
        return VersionVariables.From(result);
    }
}
