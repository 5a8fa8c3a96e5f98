using Kiln.IntegrationTests.Versioning;
using Kiln.Scanning;
using Kiln.Scanning.Secrets;

namespace Kiln.IntegrationTests.Scanning;

/// <summary>The secret scanner over real git repositories: tracked files, commits since the last release tag, staged changes.</summary>
public sealed class SecretScannerTests
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly SecretScanner Scanner = new();

    [Fact]
    public async Task Tracked_files_scan_finds_a_committed_secret_and_not_one_in_an_untracked_file()
    {
        using var repository = await ScratchRepository.InitAsync();
        repository.WriteFile("config/app.env", $"NAME=app\nGITHUB_TOKEN={FakeGitHubToken(1)}\n");
        await repository.GitAsync("add", "config/app.env");
        await repository.GitAsync("commit", "-q", "-m", "Add configuration");
        repository.WriteFile("notes.txt", FakeGitHubToken(2));

        var result = await Scanner.ScanTrackedFilesAsync(AbsolutePath.Create(repository.Folder));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("github-token", "config/app.env", 2, 14), (finding.RuleId, finding.File, finding.Line, finding.Column));
        Assert.Equal(ScanCategory.Secrets, finding.Category);
    }

    [Fact]
    public async Task Tracked_files_scan_skips_binary_files_and_notes_files_over_the_size_limit()
    {
        using var repository = await ScratchRepository.InitAsync();
        repository.WriteFile("image.bin", $"\0\u0001binary{FakeGitHubToken(1)}");
        repository.WriteFile("data/big.txt", new string('a', 2000) + FakeGitHubToken(2));
        await repository.GitAsync("add", "-A");
        await repository.GitAsync("commit", "-q", "-m", "Add files");
        var scanner = new SecretScanner(new SecretScannerOptions { MaximumFileSize = 1000 });

        var result = await scanner.ScanTrackedFilesAsync(AbsolutePath.Create(repository.Folder));

        Assert.Empty(result.Findings);
        Assert.StartsWith("data/big.txt: skipped, ", Assert.Single(result.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commits_scan_finds_a_secret_added_after_the_last_release_tag_and_not_one_added_before()
    {
        using var repository = await ScratchRepository.InitAsync();
        await CommitFileAsync(repository, "before.txt", $"key: {FakeNuGetKey(1)}\n");
        await repository.TagAsync("v1.0.0");
        await CommitFileAsync(repository, "other.txt", "nothing here\n");
        var after = await CommitFileAsync(repository, "after.txt", $"one\ntwo\nkey: {FakeNuGetKey(2)}\n");

        var result = await Scanner.ScanCommitsSinceLastReleaseAsync(AbsolutePath.Create(repository.Folder));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("nuget-api-key", "after.txt", 3, 6), (finding.RuleId, finding.File, finding.Line, finding.Column));
        Assert.Contains($"added in commit {after[..7]}", finding.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.FilesScanned);
    }

    [Fact]
    public async Task Commits_scan_finds_a_secret_a_later_commit_removed_at_its_line_in_the_commit_that_added_it()
    {
        using var repository = await ScratchRepository.InitAsync();
        await CommitFileAsync(repository, "app.json", "{\n  \"name\": \"app\"\n}\n");
        var added = await CommitFileAsync(repository, "app.json", $"{{\n  \"name\": \"app\",\n  \"token\": \"{FakeGitHubToken(1)}\"\n}}\n");
        await CommitFileAsync(repository, "app.json", "{\n  \"name\": \"app\"\n}\n");

        var tracked = await Scanner.ScanTrackedFilesAsync(AbsolutePath.Create(repository.Folder));
        var commits = await Scanner.ScanCommitsSinceLastReleaseAsync(AbsolutePath.Create(repository.Folder));

        Assert.Empty(tracked.Findings);
        var finding = Assert.Single(commits.Findings);
        Assert.Equal(("app.json", 3, 13), (finding.File, finding.Line, finding.Column));
        Assert.Contains($"added in commit {added[..7]}", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commits_scan_without_a_release_tag_scans_every_commit_and_says_so()
    {
        using var repository = await ScratchRepository.InitAsync();
        await CommitFileAsync(repository, "first.txt", $"key: {FakeNuGetKey(1)}\n");
        await repository.TagAsync("not-a-release");
        await CommitFileAsync(repository, "second.txt", $"key: {FakeNuGetKey(2)}\n");

        var result = await Scanner.ScanCommitsSinceLastReleaseAsync(AbsolutePath.Create(repository.Folder));

        Assert.Equal(["first.txt", "second.txt"], result.Findings.Select(finding => finding.File));
        Assert.Equal("No tag matching v* is reachable from HEAD: scanned every commit.", Assert.Single(result.Notes));
    }

    [Fact]
    public async Task Staged_scan_sees_a_staged_secret_and_not_an_unstaged_one()
    {
        using var repository = await ScratchRepository.InitAsync();
        await CommitFileAsync(repository, "README.md", "# App\n");
        repository.WriteFile("README.md", $"# App\n\nexport GITHUB_TOKEN={FakeGitHubToken(1)}\n");
        await repository.GitAsync("add", "README.md");
        repository.WriteFile("README.md", $"# App\n\nexport GITHUB_TOKEN={FakeGitHubToken(1)}\nexport OTHER={FakeGitHubToken(2)}\n");
        repository.WriteFile("unstaged.txt", FakeGitHubToken(3));

        var result = await Scanner.ScanStagedAsync(AbsolutePath.Create(repository.Folder));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("README.md", 3, 21), (finding.File, finding.Line, finding.Column));
        Assert.DoesNotContain("commit", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staged_scan_works_before_the_first_commit()
    {
        using var repository = await ScratchRepository.InitAsync();
        repository.WriteFile("a.txt", FakeNuGetKey(1));
        await repository.GitAsync("add", "a.txt");

        var result = await Scanner.ScanStagedAsync(AbsolutePath.Create(repository.Folder));

        Assert.Equal("a.txt", Assert.Single(result.Findings).File);
    }

    [Fact]
    public async Task The_repository_allow_list_file_is_read_from_the_root()
    {
        using var repository = await ScratchRepository.InitAsync();
        repository.WriteFile(".nuke/secrets-allowlist.json", """{ "allow": [ { "path": "fixtures/", "reason": "generated test data" } ] }""");
        repository.WriteFile("fixtures/keys.txt", FakeNuGetKey(1));
        repository.WriteFile("src/keys.txt", FakeNuGetKey(2));
        await repository.GitAsync("add", "-A");

        var result = await Scanner.ScanTrackedFilesAsync(AbsolutePath.Create(repository.Folder));

        Assert.Equal("src/keys.txt", Assert.Single(result.Findings).File);
    }

    [Fact]
    public async Task A_broken_allow_list_stops_the_scan_naming_the_file_and_line()
    {
        using var repository = await ScratchRepository.InitAsync();
        repository.WriteFile(".nuke/secrets-allowlist.json", "{ \"allow\": [\n  { \"path\": \"fixtures/\" }\n] }");

        var error = await Assert.ThrowsAsync<KilnException>(() => Scanner.ScanTrackedFilesAsync(AbsolutePath.Create(repository.Folder)));

        Assert.StartsWith($"{Path.Combine(repository.Folder, ".nuke", "secrets-allowlist.json")}:2: the allow-list entry has no \"reason\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_that_is_not_a_git_repository_fails_naming_the_command_and_the_fix()
    {
        var folder = Directory.CreateTempSubdirectory("kiln-not-git-");
        try
        {
            var error = await Assert.ThrowsAsync<KilnException>(() => Scanner.ScanTrackedFilesAsync(AbsolutePath.Create(folder.FullName)));

            Assert.StartsWith($"'git ls-files -z' in {folder.FullName} exited with code 128: fatal: not a git repository", error.Message, StringComparison.Ordinal);
            Assert.EndsWith("Scan the top folder of a git work tree.", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task This_repository_has_no_secret_in_its_tracked_files()
    {
        var result = await Scanner.ScanTrackedFilesAsync(AbsolutePath.Create(RepositoryRoot.Path));

        Assert.True(result.Findings.Count == 0, string.Join('\n', result.Findings));
        Assert.True(result.FilesScanned > 100, $"only {result.FilesScanned} files scanned");
    }

    [Fact]
    public async Task This_repository_has_no_secret_in_its_commits_since_the_last_release()
    {
        var result = await Scanner.ScanCommitsSinceLastReleaseAsync(AbsolutePath.Create(RepositoryRoot.Path));

        Assert.True(result.Findings.Count == 0, string.Join('\n', result.Findings));
    }

    private static async Task<string> CommitFileAsync(ScratchRepository repository, string path, string content)
    {
        repository.WriteFile(path, content);
        await repository.GitAsync("add", path);
        await repository.GitAsync("commit", "-q", "-m", $"Change {path}");
        return await repository.HeadAsync();
    }

    /// <summary>A fake classic GitHub token made from seeded random characters (never a committed literal).</summary>
    private static string FakeGitHubToken(int seed) => "ghp_" + Random(seed, Alphanumerics, 36);

    /// <summary>A fake NuGet API key made from seeded random characters.</summary>
    private static string FakeNuGetKey(int seed) => "oy2" + Random(seed, "abcdefghijklmnopqrstuvwxyz0123456789", 43);

    private static string Random(int seed, string alphabet, int length)
    {
        var random = new Random(seed);
        return new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }
}
