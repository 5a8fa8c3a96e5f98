using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Kiln.Versioning.Benchmarks;

/// <summary>
/// The repository the benchmark measures: 10,000 commits, 300 merges and 500 tags in a GitFlow shape, written by one
/// <c>git fast-import</c> and kept in the temp folder (keyed by <see cref="GeneratorVersion"/>) for later runs.
/// </summary>
/// <remarks>
/// 50 release cycles; in each, five feature branches of 30 commits are merged into develop with a merge commit,
/// develop gets about 44 commits of its own (the first nine tagged 1.N.0-alpha.K), and develop is merged into main
/// and the merge tagged 1.N.0 (annotated). Every commit changes a file; merges carry the merged side's files. The last 20 feature branches are kept, as
/// are origin/main and origin/develop; develop is checked out.
/// </remarks>
internal static class BenchmarkRepository
{
    /// <summary>Change this when the generated history changes, so that stale cached repositories are not reused.</summary>
    public const int GeneratorVersion = 2;

    public const int Commits = 10_000;
    public const int Merges = 300;
    public const int Tags = 500;

    private const int Cycles = 50;
    private const int FeaturesPerCycle = 5;
    private const int CommitsPerFeature = 30;
    private const int AlphaTagsPerCycle = 9;
    private const int KeptFeatureBranches = 20;
    private const long StartSeconds = 1_600_000_000;

    /// <summary>The repository's folder, generated first when it is not in the temp folder yet.</summary>
    public static async Task<string> GetOrCreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"kiln-versioning-bench-v{GeneratorVersion}");
        if (Directory.Exists(folder))
        {
            return folder;
        }

        var partial = folder + "-partial-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        Directory.CreateDirectory(partial);
        var clock = Stopwatch.StartNew();
        await GitAsync(partial, null, "init", "-q", "-b", "main");
        await GitAsync(partial, Stream(), "fast-import", "--quiet");
        await GitAsync(partial, null, "branch", "-q", "-D", "feature/merged");
        await GitAsync(partial, null, "checkout", "-q", "-f", "develop");
        Directory.Move(partial, folder);
        Console.WriteLine($"generated {folder} in {clock.ElapsedMilliseconds} ms");
        return folder;
    }

    /// <summary>The fast-import stream: commits, merges, tags and refs, with marks for every commit.</summary>
    private static string Stream()
    {
        var stream = new StringBuilder();
        var mark = 0;
        var commits = 0;
        var merges = 0;
        var tags = 0;
        var seconds = StartSeconds;
        var directDevelopCommits = Commits - Merges - 1 - (Cycles * FeaturesPerCycle * CommitsPerFeature);

        // A merge carries the merged side's files, as git's merge would, so its tree differs from its first parent's.
        int Commit(string branch, string message, int? from, int? merge = null, IEnumerable<KeyValuePair<string, string>>? changes = null)
        {
            mark++;
            commits++;
            seconds += 60;
            stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/{branch}\nmark :{mark}\n");
            stream.Append(CultureInfo.InvariantCulture, $"committer Bench <bench@example.org> {seconds} +0000\n");
            Data(message + "\n");
            if (from is { } parent)
            {
                stream.Append(CultureInfo.InvariantCulture, $"from :{parent}\n");
            }

            if (merge is { } second)
            {
                merges++;
                stream.Append(CultureInfo.InvariantCulture, $"merge :{second}\n");
            }

            foreach (var (path, content) in changes ?? [])
            {
                stream.Append(CultureInfo.InvariantCulture, $"M 644 inline {path}\n");
                Data(content);
            }

            stream.Append('\n');
            return mark;
        }

        void Data(string text) => stream.Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(text)}\n{text}");

        void LightweightTag(string name, int target)
        {
            tags++;
            stream.Append(CultureInfo.InvariantCulture, $"reset refs/tags/{name}\nfrom :{target}\n\n");
        }

        void AnnotatedTag(string name, int target)
        {
            tags++;
            stream.Append(CultureInfo.InvariantCulture, $"tag {name}\nfrom :{target}\ntagger Bench <bench@example.org> {seconds} +0000\n");
            Data($"Release {name}\n");
            stream.Append('\n');
        }

        // The files each long-lived branch has, to write merges' trees.
        var mainFiles = new Dictionary<string, string>(StringComparer.Ordinal) { ["src/main.txt"] = "Initial commit\n" };
        var developFiles = new Dictionary<string, string>(mainFiles, StringComparer.Ordinal);
        var main = Commit("main", "Initial commit", from: null, changes: mainFiles);
        var develop = main;
        var feature = 0;
        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            var own = (directDevelopCommits / Cycles) + (cycle < directDevelopCommits % Cycles ? 1 : 0);
            var alpha = 0;
            for (var index = 0; index < FeaturesPerCycle; index++)
            {
                feature++;
                var kept = feature > (Cycles * FeaturesPerCycle) - KeptFeatureBranches;
                var branch = kept ? $"feature/f{feature}" : "feature/merged";
                var featureFile = $"src/features/f{feature}.txt";
                var featureContent = string.Empty;
                var tip = develop;
                for (var commit = 0; commit < CommitsPerFeature; commit++)
                {
                    var message = commit == 0 && feature % 7 == 0 ? $"Feature {feature}, part {commit}\n\n+semver: minor" : $"Feature {feature}, part {commit}";
                    featureContent += message + "\n";
                    tip = Commit(branch, message, from: tip, changes: [new(featureFile, featureContent)]);
                }

                // Develop moves on while the feature is open, so the merge is a true two-parent merge.
                var share = (own / FeaturesPerCycle) + (index < own % FeaturesPerCycle ? 1 : 0);
                for (var commit = 0; commit < share; commit++)
                {
                    var message = $"Develop work {cycle}.{index}.{commit}";
                    developFiles["src/develop.txt"] = message + "\n";
                    develop = Commit("develop", message, from: develop, changes: [new("src/develop.txt", message + "\n")]);
                    if (alpha < AlphaTagsPerCycle)
                    {
                        alpha++;
                        LightweightTag($"1.{cycle + 1}.0-alpha.{alpha}", develop);
                    }
                }

                developFiles[featureFile] = featureContent;
                develop = Commit("develop", $"Merge branch '{branch}' into develop", from: develop, merge: tip, changes: [new(featureFile, featureContent)]);
            }

            var released = developFiles.Where(file => !mainFiles.TryGetValue(file.Key, out var content) || content != file.Value).ToList();
            foreach (var (path, content) in released)
            {
                mainFiles[path] = content;
            }

            main = Commit("main", "Merge branch 'develop'", from: main, merge: develop, changes: released);
            AnnotatedTag($"1.{cycle + 1}.0", main);
        }

        stream.Append(CultureInfo.InvariantCulture, $"reset refs/remotes/origin/main\nfrom :{main}\n\n");
        stream.Append(CultureInfo.InvariantCulture, $"reset refs/remotes/origin/develop\nfrom :{develop}\n\n");
        if (commits != Commits || merges != Merges || tags != Tags)
        {
            throw new InvalidOperationException($"The generator made {commits} commits, {merges} merges and {tags} tags instead of {Commits}, {Merges} and {Tags}.");
        }

        return stream.ToString();
    }

    private static async Task GitAsync(string folder, string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'git {string.Join(' ', arguments)}' in {folder} failed ({process.ExitCode}): {await error}");
        }
    }
}
