using Kiln.GitHubActions;
using Kiln.Tooling;

namespace Kiln.Components;

/// <summary>
/// Compile: <c>dotnet build</c> of the solution in <see cref="IHazConfiguration.Configuration"/>, stamped with the version
/// <see cref="IHazVersion"/> gives. List <see cref="IHazGitVersion"/> with it for versions from git history, or implement
/// <see cref="IHazVersion"/> for another source.
/// </summary>
public interface ICompile : IRestore, IHazConfiguration, IHazVersion
{
    /// <summary>
    /// Adjusts <c>dotnet build</c>'s settings, which start as the solution, the configuration, the version's properties
    /// and no second restore after Restore; override it to add properties
    /// (<c>settings with { Properties = new Dictionary&lt;string, string&gt;(settings.Properties) { ["TreatWarningsAsErrors"] = "true" } }</c>).
    /// </summary>
    DotNetBuildSettings CompileSettings(DotNetBuildSettings settings) => settings;

    /// <summary>
    /// Compiles the solution, after Version when the build computes its version with <see cref="IHazGitVersion"/>; Scan,
    /// when the build has it, runs after it so that the compiler logs it reads are current.
    /// </summary>
    [GitHubActionsJob(PreparesRunner = true)]
    Target Compile => _ => _
        .Description("Compiles the solution, stamped with the version.")
        .DependsOn<IRestore>(x => x.Restore)
        .DependsOnIfImplemented<IHazGitVersion>(this, x => x.Version)
        .Executes(cancellationToken => DotNet.BuildAsync(
            CompileSettings(new()
            {
                Project = Solution,
                Configuration = Configuration.ToString(),
                NoRestore = KilnBuild.SucceededTargets.Contains(nameof(Restore)),
                Properties = VersionProperties,
            }),
            cancellationToken));
}
