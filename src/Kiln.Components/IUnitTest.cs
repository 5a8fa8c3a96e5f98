using Kiln.Tooling;

namespace Kiln.Components;

/// <summary>UnitTest: the unit test projects (<c>*.Tests</c> under tests/ by default), which start no processes and reach no network.</summary>
public interface IUnitTest : ITest
{
    /// <summary>
    /// The unit test projects: globs from the root; by default the project folders right under tests/ or test/ named
    /// like *.Tests, *.Test, *.UnitTests, *.UnitTest, *.Specs or *.Spec.
    /// When none matches, the build leaves the tier out (--help and --plan say so).
    /// </summary>
    string[] UnitTestProjects => [.. TestProjectConventions.UnitTests];

    /// <summary>Adjusts <c>dotnet test</c>'s settings for each unit test project, after <see cref="ITest.TestSettings"/>.</summary>
    DotNetTestSettings UnitTestSettings(DotNetTestSettings settings) => settings;

    /// <summary>Runs the unit test projects.</summary>
    Target UnitTest => _ => TestRun.DefineTier(this, _, "unit tests", () => UnitTestProjects, "IUnitTest.UnitTestProjects", ": no processes, no network.", UnitTestSettings);
}
