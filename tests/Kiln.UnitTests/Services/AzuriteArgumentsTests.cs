using Kiln.Services;

namespace Kiln.UnitTests.Services;

public class AzuriteArgumentsTests
{
    [Fact]
    public void Azurite_runs_the_blob_entry_point_through_the_launcher_on_127_0_0_1_with_its_port_and_folder()
    {
        var arguments = Azurite.Arguments("/tools/node_modules/azurite/dist/src/blob/main.js", 41234, "/tmp/data");

        Assert.Equal(
            [
                "-e", Azurite.Launcher, "/tools/node_modules/azurite/dist/src/blob/main.js",
                "--blobHost", "127.0.0.1", "--blobPort", "41234", "--location", "/tmp/data",
                "--disableTelemetry", "--silent", "--skipApiVersionCheck",
            ],
            arguments);
    }

    [Fact]
    public void Azurite_launcher_stops_it_with_SIGTERM_when_standard_input_ends_and_runs_the_script_named_after_it()
    {
        Assert.Contains("process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'))", Azurite.Launcher, StringComparison.Ordinal);
        Assert.EndsWith("require(process.argv[1]);", Azurite.Launcher, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Azurite_start_in_a_folder_without_azurite_says_where_it_looked_and_how_to_install_it()
    {
        var folder = AbsolutePath.Create(Directory.CreateTempSubdirectory("kiln-unit-").FullName);
        try
        {
            var exception = await Assert.ThrowsAsync<KilnException>(() => Azurite.StartAsync(folder));

            Assert.Equal(
                $"Azurite is not installed in {folder} (no node_modules/azurite/dist/src/blob/main.js): pin azurite in build/node/package.json and install it there with NodePackages.EnsureInstalledAsync, as the IntegrationTest target does.",
                exception.Message);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}
