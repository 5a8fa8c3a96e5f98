using Kiln.Tooling;

namespace Kiln.IntegrationTests.Testing;

/// <summary>
/// A five-test xunit project (VSTest) in a temporary folder, built once for the tests that run it with --no-build:
/// two pass, one is skipped, and a theory adds two more. The folder is deleted at the end.
/// </summary>
public sealed class FiveTestProject : IAsyncLifetime
{
    /// <summary>The folder with global.json and Sample.Tests/.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "kiln-progress-" + Guid.NewGuid().ToString("N")[..12]);

    public string Project => Path.Combine(Root, "Sample.Tests", "Sample.Tests.csproj");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Root, "Sample.Tests"));
        await File.WriteAllTextAsync(Path.Combine(Root, "global.json"), """{ "sdk": { "version": "10.0.100", "rollForward": "latestMajor" } }""");
        await File.WriteAllTextAsync(Project, """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><IsPackable>false</IsPackable></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(Root, "Sample.Tests", "CalculatorTests.cs"), """
            namespace Sample.Tests;

            public class CalculatorTests
            {
                [Xunit.Fact]
                public void Adds() => Xunit.Assert.Equal(3, 1 + 2);

                [Xunit.Fact]
                public void Subtracts() => Xunit.Assert.Equal(1, 3 - 2);

                [Xunit.Fact(Skip = "not yet")]
                public void Multiplies()
                {
                }

                [Xunit.Theory]
                [Xunit.InlineData(1)]
                [Xunit.InlineData(2)]
                public void Counts(int value) => Xunit.Assert.True(value > 0);
            }
            """);
        await ProcessRunner.RunAsync(new ToolCommand("dotnet", ["build", Project, "--nologo", "-v", "q"]) { WorkingDirectory = Root, EchoOutput = false });
    }

    public Task DisposeAsync()
    {
        ScratchFolder.Delete(Root);
        return Task.CompletedTask;
    }
}
