using System.Globalization;
using Kiln.Versioning.Calculation;
using Kiln.Versioning.Configuration;
using Kiln.Versioning.Git;

namespace Kiln.UnitTests.Versioning;

/// <summary>
/// Builds a git history in memory the way the git commands of an example would (commit, tag, checkout -b, merge
/// --no-ff), one minute per commit, so calculator rules are specified without running git.
/// </summary>
internal sealed class HistoryBuilder
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<Commit> commits = [];
    private readonly Dictionary<string, string> branches = new(StringComparer.Ordinal);
    private readonly List<(string Name, string Sha)> tags = [];
    private string current;
    private string? detachedAt;

    public HistoryBuilder(string branch = "main")
    {
        current = branch;
    }

    public string Head => detachedAt ?? (branches.TryGetValue(current, out var sha) ? sha : throw new InvalidOperationException("No commits yet."));

    public HistoryBuilder Commit(string message = "Commit")
    {
        var parents = branches.TryGetValue(current, out var tip) && detachedAt is null ? new[] { tip } : detachedAt is null ? [] : new[] { detachedAt };
        return Add(message, parents);
    }

    public HistoryBuilder Commits(int count)
    {
        for (var index = 0; index < count; index++)
        {
            Commit();
        }

        return this;
    }

    public HistoryBuilder Tag(string name)
    {
        tags.Add((name, Head));
        return this;
    }

    /// <summary>git checkout -b: a new branch at HEAD, checked out.</summary>
    public HistoryBuilder Branch(string name)
    {
        branches[name] = Head;
        current = name;
        return this;
    }

    public HistoryBuilder Checkout(string name)
    {
        current = branches.ContainsKey(name) ? name : throw new InvalidOperationException($"No branch {name}.");
        detachedAt = null;
        return this;
    }

    /// <summary>A remote-tracking branch (origin/name) at HEAD.</summary>
    public HistoryBuilder Remote(string name)
    {
        branches["origin/" + name] = Head;
        return this;
    }

    public HistoryBuilder Delete(string name)
    {
        branches.Remove(name);
        return this;
    }

    /// <summary>git merge --no-ff --no-edit: a merge commit with git's default message.</summary>
    public HistoryBuilder Merge(string branch, string? message = null)
    {
        var into = current is "main" or "master" ? string.Empty : $" into {current}";
        return Add(message ?? $"Merge branch '{branch}'{into}", [Head, branches[branch]]);
    }

    public GitHistory Build(string? headBranch = "") =>
        new(commits, Head, headBranch == string.Empty ? (detachedAt is null ? current : null) : headBranch, new Dictionary<string, string>(branches), tags.ToList());

    /// <summary>The FullSemVer the calculator gives for HEAD, with GitVersion.yml text (empty: the defaults).</summary>
    public string FullSemVer(string yaml = "", IReadOnlyDictionary<string, string>? environment = null) =>
        Calculate(yaml, environment).FullSemVer();

    public VersionResult Calculate(string yaml = "", IReadOnlyDictionary<string, string>? environment = null) =>
        VersionCalculator.Calculate(Build(), ConfigurationLoader.Parse(yaml, "GitVersion.yml"), 0, environment ?? new Dictionary<string, string>());

    private HistoryBuilder Add(string message, string[] parents)
    {
        var sha = (commits.Count + 1).ToString("x40", CultureInfo.InvariantCulture);
        commits.Add(new Commit(sha, parents, Epoch.AddMinutes(commits.Count), message));
        if (detachedAt is null)
        {
            branches[current] = sha;
        }
        else
        {
            detachedAt = sha;
        }

        return this;
    }
}

/// <summary>FullSemVer of a calculation result, as the output variables spell it.</summary>
internal static class VersionResultText
{
    public static string FullSemVer(this VersionResult result) =>
        result.BuildMetaData is { } metadata ? $"{result.Version.SemVer}+{metadata.ToString(CultureInfo.InvariantCulture)}" : result.Version.SemVer;
}
