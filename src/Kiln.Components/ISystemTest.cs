using Kiln.Tooling;

namespace Kiln.Components;

/// <summary>SystemTest: the test projects named like <c>*.SystemTests.csproj</c>, which drive whole sample repositories end to end.</summary>
public interface ISystemTest : ITest
{
    /// <summary>The system test projects: globs from the root, tests/**/*.SystemTests.csproj by default.</summary>
    string[] SystemTestProjects => ["tests/**/*.SystemTests.csproj"];

    /// <summary>Adjusts <c>dotnet test</c>'s settings for each system test project, after <see cref="ITest.TestSettings"/> (a longer <c>BlameHangTimeout</c>, a <c>Filter</c>).</summary>
    DotNetTestSettings SystemTestSettings(DotNetTestSettings settings) => settings;

    /// <summary>Runs the system test projects.</summary>
    // Ordered after IntegrationTest, never beside it: each tier alone keeps a small machine busy (whole repositories
    // built, servers started), together they push single tests past their hang timeouts, and the cheaper tier fails
    // first. Ordering only: on CI each tier stays a job of its own.
    Target SystemTest => _ => TestRun.DefineTier(this, _, "system tests", SystemTestProjects, ".")
        .AfterIfImplemented<IIntegrationTest>(this, x => x.IntegrationTest)
        .Executes(cancellationToken => TestRun.RunTierAsync(this, SystemTestProjects, SystemTestSettings, null, cancellationToken));
}
