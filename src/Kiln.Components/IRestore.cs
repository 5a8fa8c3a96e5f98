using Kiln.GitHubActions;
using Kiln.Tooling;

namespace Kiln.Components;

/// <summary>Restore: the NuGet packages of <see cref="IHazSolution.Solution"/>.</summary>
public interface IRestore : IHazSolution
{
    /// <summary>
    /// Adjusts <c>dotnet restore</c>'s settings, which start as the solution; override it to add properties or lock the
    /// restore (<c>settings with { LockedMode = true }</c>).
    /// </summary>
    DotNetRestoreSettings RestoreSettings(DotNetRestoreSettings settings) => settings;

    /// <summary>Restores the NuGet packages of the solution.</summary>
    [GitHubActionsJob(PreparesRunner = true)]
    Target Restore => _ => _
        .Description("Restores the NuGet packages of the solution.")
        .Executes(cancellationToken => DotNet.RestoreAsync(RestoreSettings(new() { Project = Solution }), cancellationToken));
}
