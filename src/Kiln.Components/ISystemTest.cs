using Kiln.Tooling;

namespace Kiln.Components;

/// <summary>SystemTest: the system test projects (<c>*.SystemTests</c> under tests/ by default), which drive whole sample repositories end to end.</summary>
public interface ISystemTest : ITest
{
    /// <summary>
    /// The system test projects: globs from the root; by default the project folders right under tests/ or test/ named
    /// like *.SystemTests, *.SystemTest, *.EndToEndTests, *.E2ETests or *.AcceptanceTests.
    /// When none matches, the build leaves the tier out (--help and --plan say so).
    /// </summary>
    string[] SystemTestProjects => [.. TestProjectConventions.SystemTests];

    /// <summary>Adjusts <c>dotnet test</c>'s settings for each system test project, after <see cref="ITest.TestSettings"/> (a longer <c>BlameHangTimeout</c>, a <c>Filter</c>).</summary>
    DotNetTestSettings SystemTestSettings(DotNetTestSettings settings) => settings;

    /// <summary>Runs the system test projects.</summary>
    // Ordered after IntegrationTest, never beside it: each tier alone keeps a small machine busy (whole repositories
    // built, servers started), together they push single tests past their hang timeouts, and the cheaper tier fails
    // first. Ordering only: on CI each tier stays a job of its own.
    Target SystemTest => _ => TestRun.DefineTier(this, _, "system tests", () => SystemTestProjects, "ISystemTest.SystemTestProjects", ".", SystemTestSettings)
        .AfterIfImplemented<IIntegrationTest>(this, x => x.IntegrationTest);
}
