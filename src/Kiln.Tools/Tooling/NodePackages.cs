using System.Security.Cryptography;

namespace Kiln.Tooling;

/// <summary>
/// Installs pinned npm packages (a package.json with its package-lock.json) with <c>npm ci</c> into a folder
/// the build owns, only when the folder is missing or the manifest changed. Scripts beside the manifest are
/// copied along, so they resolve the installed packages.
/// </summary>
public static class NodePackages
{
    private const string StampFile = ".kiln-installed";

    /// <summary>Installs the packages unless they are installed already, and returns the install folder.</summary>
    /// <param name="manifestFolder">The committed folder with package.json, package-lock.json and any scripts.</param>
    /// <param name="installFolder">Where node_modules goes (under .nuke/temp, say).</param>
    /// <param name="cancellationToken">Stops npm.</param>
    public static async Task<AbsolutePath> EnsureInstalledAsync(AbsolutePath manifestFolder, AbsolutePath installFolder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifestFolder);
        ArgumentNullException.ThrowIfNull(installFolder);
        if (!File.Exists(manifestFolder / "package-lock.json"))
        {
            throw new KilnException($"{manifestFolder / "package.json"} has no package-lock.json beside it: run 'npm install --package-lock-only' there and commit the lock file.");
        }

        var files = Directory.GetFiles(manifestFolder).Order(StringComparer.Ordinal).ToList();
        var hash = Hash(files);
        var stamp = installFolder / StampFile;
        if (Directory.Exists(installFolder / "node_modules") && File.Exists(stamp) && await File.ReadAllTextAsync(stamp, cancellationToken).ConfigureAwait(false) == hash)
        {
            return installFolder;
        }

        if (!IsOnPath("npm"))
        {
            throw new KilnException("Node.js is not installed (no 'npm' on PATH): install Node.js 20 or later from https://nodejs.org (or your package manager) and run the build again.");
        }

        Directory.CreateDirectory(installFolder);
        File.Delete(stamp);
        foreach (var file in files)
        {
            File.Copy(file, installFolder / Path.GetFileName(file), overwrite: true);
        }

        Log.Information($"Installing the npm packages of {manifestFolder.Name}/package.json into {installFolder}");
        await ProcessRunner.RunAsync(
            new ToolCommand(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund", "--loglevel", "error"]) { WorkingDirectory = installFolder },
            cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(stamp, hash, cancellationToken).ConfigureAwait(false);
        return installFolder;
    }

    private static string Hash(IEnumerable<string> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static bool IsOnPath(string program)
    {
        var names = OperatingSystem.IsWindows() ? [program + ".cmd", program + ".exe"] : new[] { program };
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => names.Any(name => File.Exists(Path.Combine(folder, name))));
    }
}
