namespace Kiln.Scanning.Secrets;

/// <summary>Settings of a <see cref="SecretScanner"/>; the defaults suit a Kiln repository.</summary>
public sealed record SecretScannerOptions
{
    /// <summary>The allow-list file, relative to the scanned root; a missing file allows nothing.</summary>
    public string AllowListFile { get; init; } = ".nuke/secrets-allowlist.json";

    /// <summary>An allow list to use instead of reading <see cref="AllowListFile"/> (and the one <see cref="SecretScanner.Scan"/> uses).</summary>
    public SecretAllowList? AllowList { get; init; }

    /// <summary>The glob (<c>git describe --match</c>) release tags match; commits since the nearest such tag are scanned.</summary>
    public string ReleaseTagPattern { get; init; } = "v*";

    /// <summary>Files (and one file's added lines) larger than this many bytes are skipped with a note.</summary>
    public long MaximumFileSize { get; init; } = 4 * 1024 * 1024;
}
