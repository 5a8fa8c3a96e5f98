namespace Kiln.Scanning.Secrets;

/// <summary>What a secret scan found, and what it could not look at.</summary>
/// <param name="Findings">The secrets found, ordered by file, line and column (then commit).</param>
/// <param name="Notes">What was skipped and why (a file over the size limit, one that could not be read, no release tag).</param>
/// <param name="FilesScanned">Files read; for commits and staged changes, file versions whose added lines were read.</param>
/// <param name="BytesScanned">The UTF-8 bytes of text scanned.</param>
public sealed record SecretScanResult(IReadOnlyList<ScanFinding> Findings, IReadOnlyList<string> Notes, int FilesScanned, long BytesScanned);
