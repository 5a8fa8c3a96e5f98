using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kiln.Scanning.Secrets;

/// <summary>
/// Finds credentials in a repository: in every tracked file, in the lines added since the last release tag, or in the
/// staged changes (for a pre-commit hook). Files are read and scanned in parallel; each rule's pattern runs only on text
/// that contains one of its keywords; binary files are skipped, and files over <see cref="SecretScannerOptions.MaximumFileSize"/>
/// are skipped with a note. A finding never holds the value: its message names the rule, a redacted preview (a published
/// prefix such as <c>ghp_</c> and the length) and the value's SHA-256, by which a false positive can be allow-listed.
/// Thread-safe; reuse one instance.
/// </summary>
public sealed class SecretScanner
{
    /// <summary>A NUL in the first 8000 bytes makes a file binary, as git decides.</summary>
    private const int BinaryProbeLength = 8000;

    private static readonly SecretMatcher Matcher = new(SecretRules.All);

    private readonly SecretScannerOptions options;

    /// <summary>Creates a scanner with the default options.</summary>
    public SecretScanner()
        : this(new SecretScannerOptions())
    {
    }

    /// <summary>Creates a scanner with the options.</summary>
    public SecretScanner(SecretScannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    /// <summary>The rules, in the order they are tried (for SARIF's rule list and for documentation).</summary>
    public static IReadOnlyList<SecretRule> Rules => SecretRules.All;

    /// <summary>Scans one text in memory, as if it were the file at <paramref name="path"/>; uses <see cref="SecretScannerOptions.AllowList"/>.</summary>
    /// <param name="path">The file's repository-relative path with forward slashes (it names findings and meets path allow-list entries).</param>
    /// <param name="text">The file's content.</param>
    public IReadOnlyList<ScanFinding> Scan(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var allowList = options.AllowList ?? SecretAllowList.Empty;
        return allowList.AllowsWholeFile(path) ? [] : Find(path, text, commit: null, lineNumbers: null, allowList);
    }

    /// <summary>Scans every file <c>git ls-files</c> lists under <paramref name="root"/>, as it is on disk.</summary>
    /// <param name="root">The top folder of a git work tree.</param>
    /// <param name="cancellationToken">Stops the scan (and kills git).</param>
    /// <exception cref="KilnException">git failed, or the allow list is broken.</exception>
    public async Task<SecretScanResult> ScanTrackedFilesAsync(AbsolutePath root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        var allowList = LoadAllowList(root);
        var listing = await GitCommand.ReadAsync(root, ["ls-files", "-z"], reader => reader.ReadToEnd(), cancellationToken).ConfigureAwait(false);
        var paths = listing.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        var sink = new Sink();
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        await Task.Run(() => Parallel.ForEach(paths, parallel, path => ScanFile(root, path, allowList, sink)), cancellationToken).ConfigureAwait(false);
        return sink.ToResult();
    }

    /// <summary>
    /// Scans the lines added by the commits since the nearest tag that matches <see cref="SecretScannerOptions.ReleaseTagPattern"/>
    /// (<c>git log -p &lt;tag&gt;..HEAD</c>), or by every commit when there is none. A finding names the line in that commit's
    /// version of the file and, in its message, the commit's short sha.
    /// </summary>
    /// <param name="root">The top folder of a git work tree.</param>
    /// <param name="cancellationToken">Stops the scan (and kills git).</param>
    /// <exception cref="KilnException">git failed, or the allow list is broken.</exception>
    public async Task<SecretScanResult> ScanCommitsSinceLastReleaseAsync(AbsolutePath root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        var allowList = LoadAllowList(root);
        if (await GitCommand.TryReadAsync(root, ["rev-parse", "--verify", "--quiet", "HEAD"], cancellationToken).ConfigureAwait(false) is null)
        {
            return new SecretScanResult([], ["No commits yet: nothing to scan."], 0, 0);
        }

        var notes = new List<string>();
        string[] describe = ["describe", "--tags", "--abbrev=0", "--match", options.ReleaseTagPattern, "HEAD"];
        var tag = (await GitCommand.TryReadAsync(root, describe, cancellationToken).ConfigureAwait(false))?.Trim();
        if (string.IsNullOrEmpty(tag))
        {
            notes.Add($"No tag matching {options.ReleaseTagPattern} is reachable from HEAD: scanned every commit.");
        }

        var range = string.IsNullOrEmpty(tag) ? "HEAD" : $"refs/tags/{tag}..HEAD";
        var added = await GitCommand.ReadAsync(root, ["log", "-p", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv", "--format=%x01%H", range, "--"], DiffReader.Read, cancellationToken).ConfigureAwait(false);
        return await ScanAddedAsync(added, allowList, notes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Scans only the lines the index adds (<c>git diff --cached</c>): what the next commit would add, fast enough for a
    /// pre-commit hook. Unstaged changes are not looked at. A finding names the line in the staged version of the file.
    /// </summary>
    /// <param name="root">The top folder of a git work tree.</param>
    /// <param name="cancellationToken">Stops the scan (and kills git).</param>
    /// <exception cref="KilnException">git failed, or the allow list is broken.</exception>
    public async Task<SecretScanResult> ScanStagedAsync(AbsolutePath root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        var allowList = LoadAllowList(root);
        var added = await GitCommand.ReadAsync(root, ["diff", "--cached", "-p", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv", "--"], DiffReader.Read, cancellationToken).ConfigureAwait(false);
        return await ScanAddedAsync(added, allowList, [], cancellationToken).ConfigureAwait(false);
    }

    private static string Sha256(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string Size(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB");

    private SecretAllowList LoadAllowList(AbsolutePath root) => options.AllowList ?? SecretAllowList.Load(root / options.AllowListFile);

    private async Task<SecretScanResult> ScanAddedAsync(List<AddedLines> added, SecretAllowList allowList, List<string> notes, CancellationToken cancellationToken)
    {
        var sink = new Sink();
        foreach (var note in notes)
        {
            sink.Notes.Add(note);
        }

        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        await Task.Run(
            () => Parallel.ForEach(added, parallel, lines =>
            {
                if (allowList.AllowsWholeFile(lines.Path))
                {
                    return;
                }

                var where = lines.Commit is null ? lines.Path : $"{lines.Path} in commit {Short(lines.Commit)}";
                if (lines.Text.Length > options.MaximumFileSize)
                {
                    sink.Notes.Add($"{where}: skipped, its added lines are {Size(lines.Text.Length)}, over the {Size(options.MaximumFileSize)} limit; look at them by hand or allow-list the path.");
                    return;
                }

                sink.Add(Find(lines.Path, lines.Text, lines.Commit, lines.LineNumbers, allowList), Encoding.UTF8.GetByteCount(lines.Text));
            }),
            cancellationToken).ConfigureAwait(false);
        return sink.ToResult();
    }

    private void ScanFile(AbsolutePath root, string path, SecretAllowList allowList, Sink sink)
    {
        if (allowList.AllowsWholeFile(path))
        {
            return;
        }

        var file = new FileInfo(Path.Combine(root, path));

        // Deleted but not yet staged, a submodule (a folder), or a symbolic link (its target is scanned where it is tracked).
        if (!file.Exists || file.LinkTarget is not null)
        {
            return;
        }

        if (file.Length > options.MaximumFileSize)
        {
            sink.Notes.Add($"{path}: skipped, {Size(file.Length)} is over the {Size(options.MaximumFileSize)} limit; look at it by hand or allow-list its path.");
            return;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            sink.Notes.Add($"{path}: not read ({exception.GetType().Name}): {exception.Message}");
            return;
        }

        if (bytes.AsSpan(0, Math.Min(bytes.Length, BinaryProbeLength)).Contains((byte)0))
        {
            return;
        }

        var text = Encoding.UTF8.GetString(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes.AsSpan(Encoding.UTF8.Preamble.Length) : bytes);
        sink.Add(Find(path, text, commit: null, lineNumbers: null, allowList), bytes.Length);
    }

    private List<ScanFinding> Find(string path, string text, string? commit, IReadOnlyList<int>? lineNumbers, SecretAllowList allowList)
    {
        var matches = Matcher.Find(text);
        var findings = new List<ScanFinding>();
        if (matches.Count == 0)
        {
            return findings;
        }

        var lines = new LineMap(text);
        foreach (var match in matches)
        {
            string? hash = null;
            string Hash() => hash ??= Sha256(match.Value);
            if (allowList.Allows(match.Rule.Id, path, match.Value, Hash))
            {
                continue;
            }

            var (line, column) = lines.Locate(match.Index);
            if (lineNumbers is not null)
            {
                line = lineNumbers[line - 1];
            }

            findings.Add(new ScanFinding(ScanCategory.Secrets, match.Rule.Id, Message(match, Hash(), commit), path, line, column));
        }

        return findings;
    }

    /// <summary>The rule, a preview that shows at most a published prefix and the length, the SHA-256, and what to do.</summary>
    private string Message(SecretMatch match, string sha256, string? commit)
    {
        var rule = match.Rule;
        var prefix = rule.PublicPrefixLength > 0 ? match.Value[..rule.PublicPrefixLength] : string.Empty;
        var added = commit is null ? string.Empty : $", added in commit {Short(commit)}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{rule.Title} {prefix}… ({match.Value.Length} chars, sha256 {sha256}){added}: revoke it and remove it; if it is not a secret, allow-list that sha256 in {options.AllowListFile} with a reason.");
    }

    private static string Short(string commit) => commit[..Math.Min(7, commit.Length)];

    /// <summary>Collects what parallel scans report.</summary>
    private sealed class Sink
    {
        private readonly ConcurrentBag<ScanFinding> findings = [];
        private int files;
        private long bytes;

        public ConcurrentBag<string> Notes { get; } = [];

        public void Add(List<ScanFinding> found, long size)
        {
            foreach (var finding in found)
            {
                findings.Add(finding);
            }

            Interlocked.Increment(ref files);
            Interlocked.Add(ref bytes, size);
        }

        public SecretScanResult ToResult() => new(
            findings.OrderBy(finding => finding.File, StringComparer.Ordinal).ThenBy(finding => finding.Line).ThenBy(finding => finding.Column)
                .ThenBy(finding => finding.Message, StringComparer.Ordinal).ToList(),
            Notes.Order(StringComparer.Ordinal).ToList(),
            files,
            bytes);
    }
}
