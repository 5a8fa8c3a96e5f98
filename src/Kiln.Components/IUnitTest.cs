using Kiln.Tooling;

namespace Kiln.Components;

/// <summary>UnitTest: the test projects named like <c>*.UnitTests.csproj</c>, which start no processes and reach no network.</summary>
public interface IUnitTest : ITest
{
    /// <summary>The unit test projects: globs from the root, tests/**/*.UnitTests.csproj by default.</summary>
    string[] UnitTestProjects => ["tests/**/*.UnitTests.csproj"];

    /// <summary>Adjusts <c>dotnet test</c>'s settings for each unit test project, after <see cref="ITest.TestSettings"/>.</summary>
    DotNetTestSettings UnitTestSettings(DotNetTestSettings settings) => settings;

    /// <summary>Runs the unit test projects.</summary>
    Target UnitTest => _ => TestRun.DefineTier(this, _, "unit tests", UnitTestProjects, ": no processes, no network.")
        .Executes(cancellationToken => TestRun.RunTierAsync(this, UnitTestProjects, UnitTestSettings, null, cancellationToken));
}
