using System.Security;

namespace Kiln.IntegrationTests;

/// <summary>
/// The Kiln engine and components as the test project compiled them: the assemblies beside the test assembly. The
/// sample builds reference these instead of Kiln's projects, so build.sh compiles only the sample's own build/ (a
/// project reference would compile every Kiln project again into the sample's artifacts folder).
/// </summary>
internal static class CompiledKiln
{
    /// <summary>
    /// Writes the Directory.Build.props a sample's build/_build.csproj reads: KilnAssemblies, the folder of the compiled
    /// engine, ending with a separator. The file also stops MSBuild looking further up for the repository's props.
    /// </summary>
    public static Task WriteDirectoryBuildPropsAsync(string sampleRoot) =>
        File.WriteAllTextAsync(Path.Combine(sampleRoot, "Directory.Build.props"), $"""
            <Project>
              <!-- Written by the integration tests: the Kiln engine and components the tests run, already compiled. -->
              <PropertyGroup>
                <KilnAssemblies>{SecurityElement.Escape(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory) + Path.DirectorySeparatorChar)}</KilnAssemblies>
              </PropertyGroup>
            </Project>

            """);
}
