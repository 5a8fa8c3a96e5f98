using Kiln.GitHubActions;
using Kiln.Tooling;

namespace Kiln.Components;

/// <summary>SystemTest: the test projects named like <c>*.SystemTests.csproj</c>, which drive whole sample repositories end to end.</summary>
public interface ISystemTest : ITest
{
    /// <summary>The system test projects: globs from the root, tests/**/*.SystemTests.csproj by default.</summary>
    string[] SystemTestProjects => ["tests/**/*.SystemTests.csproj"];

    /// <summary>Adjusts <c>dotnet test</c>'s settings for each system test project, after <see cref="ITest.TestSettings"/> (a longer <c>BlameHangTimeout</c>, a <c>Filter</c>).</summary>
    DotNetTestSettings SystemTestSettings(DotNetTestSettings settings) => settings;

    /// <summary>Runs the system test projects; its CI job may take an hour.</summary>
    [GitHubActionsJob(TimeoutMinutes = 60)]
    Target SystemTest => _ => TestRun.DefineTier(this, _, "system tests", SystemTestProjects, ".")
        .Executes(cancellationToken => TestRun.RunTierAsync(this, SystemTestProjects, SystemTestSettings, null, cancellationToken));
}
