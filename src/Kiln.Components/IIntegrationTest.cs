using Kiln.Tooling;

namespace Kiln.Components;

/// <summary>IntegrationTest: the integration test projects (<c>*.IntegrationTests</c> under tests/ by default), with real processes and services.</summary>
public interface IIntegrationTest : ITest
{
    /// <summary>
    /// The integration test projects: globs from the root; by default the project folders right under tests/ or test/ named
    /// like *.IntegrationTests, *.IntegrationTest or *.FunctionalTests.
    /// When none matches, the build leaves the tier out (--help and --plan say so).
    /// </summary>
    string[] IntegrationTestProjects => [.. TestProjectConventions.IntegrationTests];

    /// <summary>Adjusts <c>dotnet test</c>'s settings for each integration test project, after <see cref="ITest.TestSettings"/>.</summary>
    DotNetTestSettings IntegrationTestSettings(DotNetTestSettings settings) => settings;

    /// <summary>
    /// Starts what the integration tests need (a storage emulator, a database) before they run; it is stopped when they
    /// end, pass or fail, or on Ctrl-C. Its environment variables reach the tests. None by default.
    /// </summary>
    Task<TestServices> StartIntegrationTestServicesAsync(CancellationToken cancellationToken) => Task.FromResult(TestServices.None);

    /// <summary>Runs the integration test projects with their services.</summary>
    Target IntegrationTest => _ => TestRun.DefineTier(this, _, "integration tests", () => IntegrationTestProjects, "IIntegrationTest.IntegrationTestProjects", ".", IntegrationTestSettings, StartIntegrationTestServicesAsync);
}
