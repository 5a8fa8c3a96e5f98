using Kiln.Tooling;

namespace Kiln.IntegrationTests.Publishing;

/// <summary>
/// Real packages of a tiny library, packed once for the Publishing collection by dotnet pack in a temporary folder
/// (outside the repository, so none of its props apply): <see cref="First"/> (1.0.0, with its .snupkg), <see cref="Second"/>
/// (1.0.0 again, with another description, so other bytes) and <see cref="Older"/> (0.9.0). The folder is deleted at the end.
/// </summary>
public sealed class SamplePackages : IAsyncLifetime
{
    public const string Id = "Kiln.PublishingSample";

    public string Root { get; } = Directory.CreateTempSubdirectory("kiln-sample-packages-").FullName;

    /// <summary>Kiln.PublishingSample 1.0.0, with Kiln.PublishingSample.1.0.0.snupkg beside it.</summary>
    public string First => Path.Combine(Root, "first", $"{Id}.1.0.0.nupkg");

    /// <summary>Kiln.PublishingSample 1.0.0 with another description: the same version, other content.</summary>
    public string Second => Path.Combine(Root, "second", $"{Id}.1.0.0.nupkg");

    /// <summary>Kiln.PublishingSample 0.9.0.</summary>
    public string Older => Path.Combine(Root, "older", $"{Id}.0.9.0.nupkg");

    public async Task InitializeAsync()
    {
        var project = Path.Combine(Root, "project", $"{Id}.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        await File.WriteAllTextAsync(project, """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Version>1.0.0</Version>
                <Authors>Kiln tests</Authors>
                <Description>first</Description>
                <IncludeSymbols>true</IncludeSymbols>
                <SymbolPackageFormat>snupkg</SymbolPackageFormat>
              </PropertyGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(Root, "project", "Sample.cs"), "namespace Kiln.PublishingSample; public static class Sample { public static int Answer => 42; }");

        await PackAsync(project, "first", noBuild: false, new Dictionary<string, string>());
        await PackAsync(project, "second", noBuild: true, new Dictionary<string, string> { ["Description"] = "second" });
        await PackAsync(project, "older", noBuild: true, new Dictionary<string, string> { ["Version"] = "0.9.0" });
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    private async Task PackAsync(string project, string output, bool noBuild, Dictionary<string, string> properties)
    {
        var settings = new DotNetPackSettings
        {
            Project = project,
            Configuration = "Release",
            NoBuild = noBuild,
            OutputDirectory = Path.Combine(Root, output),
            Properties = properties,
            WorkingDirectory = Root,
            Timeout = TimeSpan.FromMinutes(3),
        };
        await ProcessRunner.RunAsync(settings.ToCommand() with { EchoOutput = false });
    }
}
