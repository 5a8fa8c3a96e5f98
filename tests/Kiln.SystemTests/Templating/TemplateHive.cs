namespace Kiln.SystemTests.Templating;

/// <summary>
/// <c>dotnet new</c> with a template hive of its own (<c>--debug:custom-hive</c>): templates installed here are seen
/// only by these commands, never by the machine's own <c>dotnet new</c>.
/// </summary>
/// <param name="folder">Where the hive keeps its installed packages and caches.</param>
internal sealed class TemplateHive(string folder)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Installs a template package (a .nupkg file) into the hive; throws with the output when that fails.</summary>
    public async Task InstallAsync(string package)
    {
        var install = await RunAsync(Path.GetDirectoryName(package)!, ["new", "install", package]);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet new install {package} exited with code {install.ExitCode}:{Environment.NewLine}{install.Output}");
        }
    }

    /// <summary>Runs <c>dotnet new</c> with the arguments in the directory, against this hive.</summary>
    public Task<(int ExitCode, string Output)> RunNewAsync(string directory, params string[] arguments) => RunAsync(directory, ["new", .. arguments]);

    private async Task<(int ExitCode, string Output)> RunAsync(string directory, string[] arguments)
    {
        var (exitCode, output, error) = await ScratchProcess.RunAsync("dotnet", directory, [.. arguments, "--debug:custom-hive", folder], CommandTimeout);
        return (exitCode, output + error);
    }
}
