using System.Text.RegularExpressions;
using Kiln.Versioning.Configuration;
using Kiln.Versioning.Git;

namespace Kiln.Versioning.Calculation;

/// <summary>Everything one calculation reads: the history, the configuration, the version tags and the ignored commits.</summary>
internal sealed class CalculationContext
{
    private readonly Dictionary<string, List<VersionTag>> tagsByCommit;

    public CalculationContext(GitHistory history, GitVersionConfiguration configuration, IReadOnlyDictionary<string, string> environment)
    {
        History = history;
        Configuration = configuration;
        Classifier = new BranchClassifier(configuration, environment);
        Ignored = history.AllCommits.Where(IsIgnored).Select(commit => commit.Sha).ToHashSet(StringComparer.Ordinal);
        var prefix = new Regex($"^(?:{configuration.TagPrefix})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        Tags = history.Tags
            .Where(tag => history.Contains(tag.Sha) && !Ignored.Contains(tag.Sha))
            .Select(tag => ParseTag(tag.Name, tag.Sha, prefix, configuration.SemanticVersionFormat))
            .OfType<VersionTag>()
            .ToList();
        tagsByCommit = Tags.GroupBy(tag => tag.Sha, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
    }

    public GitHistory History { get; }

    public GitVersionConfiguration Configuration { get; }

    public BranchClassifier Classifier { get; }

    /// <summary>Commits excluded by ignore: they are no version source and are not counted.</summary>
    public IReadOnlySet<string> Ignored { get; }

    /// <summary>Every tag that parses as a version, on a commit that is not ignored.</summary>
    public IReadOnlyList<VersionTag> Tags { get; }

    public Commit Head => History[History.Head];

    public IReadOnlyList<VersionTag> TagsOn(string sha) => tagsByCommit.TryGetValue(sha, out var tags) ? tags : [];

    public bool IsTagged(string sha) => tagsByCommit.ContainsKey(sha);

    /// <summary>Commits reachable from HEAD and not from the source, without ignored ones.</summary>
    public long CountSince(string? source) => History.Range(source, History.Head).LongCount(commit => !Ignored.Contains(commit.Sha));

    /// <summary>Parses a version from text such as a branch name part: the tag prefix is removed first.</summary>
    public bool TryParseVersion(string text, out SemanticVersion version)
    {
        var prefix = new Regex($"^(?:{Configuration.TagPrefix})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var rest = prefix.Match(text) is { Success: true } match ? text[match.Length..] : text;
        return SemanticVersion.TryParse(rest, SemanticVersionFormat.Loose, out version);
    }

    private static VersionTag? ParseTag(string name, string sha, Regex prefix, SemanticVersionFormat format)
    {
        var match = prefix.Match(name);
        if (!match.Success)
        {
            return null;
        }

        return SemanticVersion.TryParse(name[match.Length..], format, out var version) ? new VersionTag(name, sha, version) : null;
    }

    private bool IsIgnored(Commit commit)
    {
        var ignore = Configuration.Ignore;
        if (ignore.Shas.Any(sha => commit.Sha.StartsWith(sha, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (ignore.CommitsBefore is { } before && commit.CommitterDate < before)
        {
            return true;
        }

        return ignore.Paths.Count > 0 && commit.Paths is { Count: > 0 } paths && paths.All(path => ignore.Paths.Any(regex => regex.IsMatch(path)));
    }
}
