using Kiln.Scanning;
using Kiln.IntegrationTests.Versioning;

namespace Kiln.IntegrationTests.Scanning;

/// <summary>Installing the pre-commit hook into real git repositories.</summary>
public sealed class PreCommitHookTests
{
    [Fact]
    public async Task The_hook_is_installed_executable_into_the_repository_s_hooks_folder_and_runs_the_staged_scan()
    {
        using var repository = await ScratchRepository.InitAsync();

        var hook = await PreCommitHook.InstallAsync(AbsolutePath.Create(repository.Folder), "ScanStaged");

        Assert.Equal(Path.Combine(repository.Folder, ".git", "hooks", "pre-commit"), (string)hook);
        Assert.Contains("exec ./build.sh ScanStaged --verbosity minimal", await File.ReadAllTextAsync(hook), StringComparison.Ordinal);
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(hook).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public async Task The_hook_goes_where_core_hooksPath_points()
    {
        using var repository = await ScratchRepository.InitAsync();
        await repository.GitAsync("config", "core.hooksPath", "tools/hooks");

        var hook = await PreCommitHook.InstallAsync(AbsolutePath.Create(repository.Folder), "ScanStaged");

        Assert.Equal(Path.Combine(repository.Folder, "tools", "hooks", "pre-commit"), (string)hook);
    }

    [Fact]
    public async Task Installing_again_replaces_Kiln_s_own_hook()
    {
        using var repository = await ScratchRepository.InitAsync();
        await PreCommitHook.InstallAsync(AbsolutePath.Create(repository.Folder), "OldTarget");

        var hook = await PreCommitHook.InstallAsync(AbsolutePath.Create(repository.Folder), "ScanStaged");

        Assert.Equal(PreCommitHook.Script("ScanStaged"), await File.ReadAllTextAsync(hook));
    }

    [Fact]
    public async Task A_hook_that_is_not_Kiln_s_is_left_alone_with_a_message_naming_it_and_the_fix()
    {
        using var repository = await ScratchRepository.InitAsync();
        var existing = Path.Combine(repository.Folder, ".git", "hooks", "pre-commit");
        await File.WriteAllTextAsync(existing, "#!/bin/sh\nnpx lint-staged\n");

        var error = await Assert.ThrowsAsync<KilnException>(() => PreCommitHook.InstallAsync(AbsolutePath.Create(repository.Folder), "ScanStaged"));

        Assert.Equal($"{existing} is a pre-commit hook that is not Kiln's: add the line './build.sh ScanStaged' to it, or move it away and run ./build.sh InstallHooks again.", error.Message);
        Assert.Equal("#!/bin/sh\nnpx lint-staged\n", await File.ReadAllTextAsync(existing));
    }
}
