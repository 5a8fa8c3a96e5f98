namespace Kiln.IntegrationTests.Execution;

/// <summary>What the engine's start loads: --help needs the build's targets and parameters, not the capabilities behind them.</summary>
[Collection(TinyBuildRuns.Name)]
public sealed class StartupTests(TinyBuildFixture sample)
{
    [Fact]
    public async Task Help_loads_no_scanner_release_store_yaml_azure_or_nuget_assemblies_nor_json_or_type_converters_it_does_not_use()
    {
        var list = Path.Combine(sample.Root, ".nuke", "temp", "loaded-assemblies.txt");
        File.Delete(list);

        // Without a parameters file, and with the schema the fixture's first run wrote, nothing on the way needs JSON.
        var parametersAside = sample.ParametersFile + ".aside";
        File.Move(sample.ParametersFile, parametersAside);
        BuildRun run;
        try
        {
            run = await sample.RunAsync(
                new Dictionary<string, string?>
                {
                    ["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location,
                    ["KILN_TEST_LOADED_ASSEMBLIES"] = list,
                },
                "--help");
        }
        finally
        {
            File.Move(parametersAside, sample.ParametersFile);
        }

        run.AssertExitCode(0);
        var loaded = File.ReadAllLines(list);
        Assert.Contains("Kiln", loaded);
        Assert.Contains("Kiln.Components", loaded);
        // The sample's parameters are strings, flags and an enum, which need no TypeConverter.
        var unexpected = loaded.Where(name => name is "Kiln.Scanning" or "Kiln.Publishing" or "Kiln.Azure.Releases" or "Kiln.GitHubActions" or "YamlDotNet"
            or "System.Text.Json" or "System.ComponentModel.TypeConverter"
            || name.StartsWith("Azure.", StringComparison.Ordinal) || name.StartsWith("NuGet.", StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, $"--help loaded {string.Join(", ", unexpected)}; all it loaded: {string.Join(", ", loaded.Order(StringComparer.Ordinal))}");
    }
}
