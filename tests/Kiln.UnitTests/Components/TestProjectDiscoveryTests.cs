using Kiln.Components;
using Kiln.Definition;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Kiln.UnitTests.Components;

/// <summary>Test-project discovery: one look at the disk per run and root, and the same projects the glob matcher finds.</summary>
[Collection("Build runs")]
public sealed class TestProjectDiscoveryTests : IDisposable
{
    private readonly TemporaryRoot root = new();

    public TestProjectDiscoveryTests()
    {
        KilnBuild.RootDirectory = AbsolutePath.Create(root.Path);
        File.WriteAllText(Path.Combine(root.Path, "Sample.sln"), string.Empty);
    }

    public void Dispose() => root.Dispose();

    [Fact]
    public void A_run_with_three_tiers_reads_the_conventional_folders_once_for_definition_and_report()
    {
        AddProject("tests/Sample.UnitTests/Sample.UnitTests.csproj");
        AddProject("tests/Sample.IntegrationTests/Sample.IntegrationTests.csproj");
        AddProject("test/Sample.SystemTests/Sample.SystemTests.csproj");
        var build = new AllTiersBuild();

        var graph = TargetGraph.Create(build);
        var again = TestProjects.Find(build, AbsolutePath.Create(root.Path), ((IUnitTest)build).UnitTestProjects);

        Assert.Equal("Runs the system tests (test/Sample.SystemTests).", graph.Find("SystemTest")!.Description);
        Assert.Equal(["Sample.UnitTests"], again.Select(TestProjects.NameOf));
        // tests/ and test/, each listed once, whatever the number of tiers and lookups.
        Assert.Equal(2, TestProjects.DiscoveryOf(build).DiskReads);
    }

    [Fact]
    public void A_run_keeps_what_it_found_and_the_next_run_looks_again()
    {
        AddProject("tests/Sample.UnitTests/Sample.UnitTests.csproj");
        var first = new AllTiersBuild();
        var patterns = ((IUnitTest)first).UnitTestProjects;
        Assert.Single(TestProjects.Find(first, AbsolutePath.Create(root.Path), patterns));

        AddProject("tests/Other.UnitTests/Other.UnitTests.csproj");

        Assert.Single(TestProjects.Find(first, AbsolutePath.Create(root.Path), patterns));
        Assert.Equal(
            ["Other.UnitTests", "Sample.UnitTests"],
            TestProjects.Find(new AllTiersBuild(), AbsolutePath.Create(root.Path), patterns).Select(TestProjects.NameOf));
    }

    [Fact]
    public void Other_patterns_go_to_the_glob_matcher_once_per_run()
    {
        AddProject("checks/deep/Sample.Specs/Sample.Specs.csproj");
        var build = new AllTiersBuild();
        string[] patterns = ["checks/**/*.Specs.csproj"];

        TestProjects.Find(build, AbsolutePath.Create(root.Path), patterns);
        var found = TestProjects.Find(build, AbsolutePath.Create(root.Path), patterns);

        Assert.Equal(["Sample.Specs"], found.Select(TestProjects.NameOf));
        Assert.Equal(1, TestProjects.DiscoveryOf(build).DiskReads);
    }

    [Fact]
    public void The_conventional_listing_finds_what_the_glob_matcher_finds()
    {
        foreach (var project in new[]
        {
            "tests/A.Tests/A.Tests.csproj",
            "tests/A.Tests/A.UnitTests.csproj",
            "tests/A.Tests/a.tests.csproj",
            "tests/A.Tests/A.Tests.csproj.user",
            "tests/B/.Tests.csproj",
            "tests/.hidden/H.Tests.csproj",
            "tests/bin/Bin.Tests.csproj",
            "tests/obj/Obj.Tests.csproj",
            "tests/node_modules/Node.Tests.csproj",
            "tests/Deep/Nested/Deep.Tests.csproj",
            "tests/Top.Tests.csproj",
            "test/C.IntegrationTests/C.IntegrationTests.csproj",
            "test/C.IntegrationTests/C.FunctionalTests.csproj",
            "test/D.E2ETests/D.E2ETests.csproj",
            "Tests/Upper.Tests/Upper.Tests.csproj",
            "src/S.Tests/S.Tests.csproj",
            "specs/X.Specs/X.Specs.csproj",
        })
        {
            AddProject(project);
        }

        Directory.CreateDirectory(Path.Combine(root.Path, "tests", "Folder.Tests.csproj"));
        Directory.CreateDirectory(Path.Combine(root.Path, "tests", "Folder.Tests.csproj", "x"));

        foreach (var patterns in new[]
        {
            TestProjectConventions.UnitTests,
            TestProjectConventions.IntegrationTests,
            TestProjectConventions.SystemTests,
            ["specs/*/*.Specs.csproj", "tests/*/*.csproj"],
            ["bin/*/*.csproj", "Tests/*/*.Tests.csproj"],
            [],
        })
        {
            var expected = Globbed(patterns);
            Assert.Equal(expected, new TestProjectDiscovery().Find(AbsolutePath.Create(root.Path), patterns).Select(path => (string)path));
        }

        Assert.Empty(new TestProjectDiscovery().Find(AbsolutePath.Create(Path.Combine(root.Path, "missing")), TestProjectConventions.UnitTests));
    }

    private string[] Globbed(string[] patterns)
    {
        var matcher = GlobPatterns.Matcher(patterns);
        matcher.AddExclude("**/bin/**").AddExclude("**/obj/**").AddExclude("**/node_modules/**");
        return [.. matcher.GetResultsInFullPath(root.Path).Order(StringComparer.Ordinal).Select(path => (string)AbsolutePath.Create(path))];
    }

    private void AddProject(string project)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root.Path, project))!);
        File.WriteAllText(Path.Combine(root.Path, project), "<Project />");
    }

    private sealed class AllTiersBuild : KilnBuild, IHazGitVersion, IUnitTest, IIntegrationTest, ISystemTest;
}
