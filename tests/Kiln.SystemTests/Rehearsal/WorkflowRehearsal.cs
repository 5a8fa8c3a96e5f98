using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Kiln.SystemTests.Rehearsal;

/// <summary>
/// Runs a generated workflow on this machine the way GitHub would: jobs in <c>needs:</c> order, each in a fresh clone
/// of the repository (a fresh runner), <c>run:</c> steps in bash with the variables a runner sets, artifact steps
/// emulated by copying folders. Only the ubuntu entries of an OS matrix run here.
/// </summary>
/// <param name="repository">The repository whose committed workflow runs: each job clones it.</param>
/// <param name="scratch">Where the runners' folders and the artifact store go.</param>
internal sealed partial class WorkflowRehearsal(string repository, string scratch)
{
    private readonly string store = Directory.CreateDirectory(Path.Combine(scratch, "artifact-store")).FullName;

    public async Task<IReadOnlyList<JobRun>> RunAsync(string workflowFile, CancellationToken cancellationToken)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(await File.ReadAllTextAsync(workflowFile, cancellationToken)));
        var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"];
        var runs = new List<JobRun>();
        foreach (var (id, job) in Order(jobs))
        {
            foreach (var matrix in MatrixEntries(job).Where(entry => entry.GetValueOrDefault("os", "ubuntu-latest") == "ubuntu-latest"))
            {
                var run = await RunJobAsync(id, job, matrix, runs.Count, cancellationToken);
                runs.Add(run);
                if (run.ExitCode != 0)
                {
                    return runs;
                }
            }
        }

        return runs;
    }

    private async Task<JobRun> RunJobAsync(string id, YamlMappingNode job, IReadOnlyDictionary<string, string> matrix, int number, CancellationToken cancellationToken)
    {
        var runner = Directory.CreateDirectory(Path.Combine(scratch, $"{number:00}-{id}")).FullName;
        var workspace = Path.Combine(runner, "workspace");
        await ScratchGit.RunAsync(runner, "clone", "--quiet", "--no-hardlinks", repository, workspace);
        var summary = Path.Combine(runner, "step-summary.md");
        var output = new StringBuilder();
        var failed = false;
        foreach (var step in ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>())
        {
            var condition = Text(step, "if");
            var runs = condition switch
            {
                null or "${{ success() }}" => !failed,
                "${{ !cancelled() }}" or "${{ always() }}" => true,
                "${{ failure() }}" => failed,
                _ => throw new InvalidOperationException($"The rehearsal cannot evaluate the condition '{condition}' of job {id}."),
            };
            if (!runs)
            {
                continue;
            }

            var exitCode = Text(step, "uses") is { } action
                ? RunAction(action, step, matrix, workspace)
                : await RunScriptAsync(id, step, matrix, workspace, runner, summary, output, cancellationToken);
            failed |= exitCode != 0;
        }

        return new JobRun(id, matrix, failed ? 1 : 0, output.ToString(), File.Exists(summary) ? await File.ReadAllTextAsync(summary, cancellationToken) : string.Empty, workspace);
    }

    private int RunAction(string action, YamlMappingNode step, IReadOnlyDictionary<string, string> matrix, string workspace)
    {
        var name = action[..action.IndexOf('@', StringComparison.Ordinal)];
        var with = step.Children.TryGetValue("with", out var node) ? (YamlMappingNode)node : new YamlMappingNode();
        switch (name)
        {
            case "actions/checkout" or "actions/setup-dotnet" or "actions/cache":
                // The workspace is already a fresh checkout; the SDK is installed; caching only saves time.
                return 0;
            case "github/codeql-action/upload-sarif" or "actions/attest-build-provenance":
                // They hand files to GitHub's services (code scanning, attestations), which a rehearsal has not.
                return 0;
            case "actions/upload-artifact":
                return Upload(Expand(Text(with, "name")!, matrix), Text(with, "path")!, Text(with, "if-no-files-found") ?? "warn", workspace);
            case "actions/download-artifact":
                var source = Path.Combine(store, Expand(Text(with, "name")!, matrix));
                if (!Directory.Exists(source))
                {
                    return 1;
                }

                CopyTree(source, Path.Combine(workspace, Text(with, "path") ?? "."));
                return 0;
            default:
                throw new InvalidOperationException($"The rehearsal does not know the action {action}.");
        }
    }

    private async Task<int> RunScriptAsync(
        string id, YamlMappingNode step, IReadOnlyDictionary<string, string> matrix, string workspace, string runner, string summary, StringBuilder output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = workspace, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-eo");
        start.ArgumentList.Add("pipefail");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Expand(Text(step, "run")!, matrix));
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("GITHUB_", StringComparison.Ordinal) || name.StartsWith("KILN_", StringComparison.Ordinal) || name.StartsWith("RUNNER_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        var runnerVariables = new Dictionary<string, string>
        {
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = workspace,
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["GITHUB_JOB"] = id,
            ["GITHUB_EVENT_NAME"] = "push",
            ["GITHUB_REF"] = "refs/heads/main",
            ["GITHUB_REF_NAME"] = "main",
            ["GITHUB_REPOSITORY"] = "kiln/kiln",
            ["GITHUB_RUN_ID"] = "1",
            ["RUNNER_OS"] = "Linux",
            ["RUNNER_TEMP"] = Directory.CreateDirectory(Path.Combine(runner, "temp")).FullName,
            ["NO_COLOR"] = "1",
        };
        foreach (var (name, value) in runnerVariables)
        {
            start.Environment[name] = value;
        }

        if (step.Children.TryGetValue("env", out var env))
        {
            foreach (var (key, value) in ((YamlMappingNode)env).Children)
            {
                start.Environment[((YamlScalarNode)key).Value!] = Expand(((YamlScalarNode)value).Value ?? string.Empty, matrix);
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using (cancellationToken.Register(() => process.Kill(entireProcessTree: true)))
        {
            await process.WaitForExitAsync(cancellationToken);
        }

        output.Append(await stdout).Append(await stderr);
        return process.ExitCode;
    }

    private int Upload(string name, string paths, string ifNoFilesFound, string workspace)
    {
        var patterns = paths.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var matchers = patterns.Select(Glob).ToList();
        var files = Directory.EnumerateFiles(workspace, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(workspace, file).Replace('\\', '/'))
            .Where(file => !file.StartsWith(".git/", StringComparison.Ordinal) && matchers.Any(matcher => matcher.IsMatch(file)))
            .ToList();
        if (files.Count == 0)
        {
            return ifNoFilesFound == "error" ? 1 : 0;
        }

        // upload-artifact drops the folder the paths share; downloading into that folder restores them.
        var common = CommonFolder(patterns);
        foreach (var file in files)
        {
            var relative = common.Length == 0 ? file : file[(common.Length + 1)..];
            var target = Path.Combine(store, name, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(workspace, file), target, overwrite: true);
        }

        return 0;
    }

    private static string CommonFolder(IEnumerable<string> patterns)
    {
        var folders = patterns.Select(pattern =>
        {
            var segments = pattern.Split('/');
            var fixedSegments = segments.TakeWhile(segment => segment.IndexOfAny(['*', '?', '[']) < 0).ToList();
            return fixedSegments.Count == segments.Length ? fixedSegments.SkipLast(1).ToList() : fixedSegments;
        }).ToList();
        var common = folders.Aggregate((left, right) => left.Zip(right).TakeWhile(pair => pair.First == pair.Second).Select(pair => pair.First).ToList());
        return string.Join('/', common);
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal).Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$");

    private static void CopyTree(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    /// <summary>Replaces the expressions a generated workflow uses: matrix values; secrets, variables and inputs are empty here.</summary>
    private static string Expand(string text, IReadOnlyDictionary<string, string> matrix) =>
        Expression().Replace(text, match => match.Groups["context"].Value switch
        {
            "matrix" => matrix.TryGetValue(match.Groups["name"].Value, out var value) ? value : throw new InvalidOperationException($"No matrix value {match.Value}."),
            "secrets" or "vars" or "inputs" => string.Empty,
            "runner" when match.Groups["name"].Value == "os" => "Linux",
            _ => throw new InvalidOperationException($"The rehearsal cannot evaluate {match.Value}."),
        });

    private static IEnumerable<(string Id, YamlMappingNode Job)> Order(YamlMappingNode jobs)
    {
        var pending = jobs.Children.Select(entry => (Id: ((YamlScalarNode)entry.Key).Value!, Job: (YamlMappingNode)entry.Value)).ToList();
        var done = new HashSet<string>();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(job => Needs(job.Job).All(done.Contains));
            if (next.Id is null)
            {
                throw new InvalidOperationException($"The jobs {string.Join(", ", pending.Select(job => job.Id))} need jobs that never run.");
            }

            pending.Remove(next);
            done.Add(next.Id);
            yield return next;
        }
    }

    private static IEnumerable<string> Needs(YamlMappingNode job) =>
        job.Children.TryGetValue("needs", out var needs) ? ((YamlSequenceNode)needs).Children.Select(need => ((YamlScalarNode)need).Value!) : [];

    private static IEnumerable<IReadOnlyDictionary<string, string>> MatrixEntries(YamlMappingNode job)
    {
        IEnumerable<Dictionary<string, string>> entries = [new Dictionary<string, string>()];
        if (job.Children.TryGetValue("strategy", out var strategy) && ((YamlMappingNode)strategy).Children.TryGetValue("matrix", out var matrix))
        {
            foreach (var (key, values) in ((YamlMappingNode)matrix).Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                entries = entries.SelectMany(entry => ((YamlSequenceNode)values).Children.Select(value => new Dictionary<string, string>(entry) { [name] = ((YamlScalarNode)value).Value! })).ToList();
            }
        }

        return entries;
    }

    private static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) ? ((YamlScalarNode)value).Value : null;

    [GeneratedRegex(@"\$\{\{\s*(?<context>[a-z_]+)\.(?<name>[A-Za-z0-9_-]+)\s*\}\}")]
    private static partial Regex Expression();
}

/// <summary>How one job (one matrix entry) of a rehearsed workflow went.</summary>
internal sealed record JobRun(string Id, IReadOnlyDictionary<string, string> Matrix, int ExitCode, string Output, string StepSummary, string Workspace);
