using Kiln.IntegrationTests;

namespace Kiln.SystemTests.Templating;

/// <summary>A repository that <c>dotnet new kiln</c> gave its build, and what its builds did.</summary>
/// <param name="Root">The repository's root.</param>
/// <param name="Hive">The template hive Kiln.Templates is installed in.</param>
/// <param name="Runs">Each <c>./build.sh</c> run, by its arguments joined with spaces, in the order they ran.</param>
/// <param name="ChangedAfterRuns">What <c>git status --porcelain</c> said of the committed files after the runs.</param>
internal sealed record TemplatedRepository(string Root, TemplateHive Hive, IReadOnlyDictionary<string, BuildRun> Runs, string ChangedAfterRuns)
{
    public string ReadFile(string path) => File.ReadAllText(System.IO.Path.Combine(Root, path));

    public bool Exists(string path) => File.Exists(System.IO.Path.Combine(Root, path));
}
