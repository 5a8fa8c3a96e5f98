using System.Text.RegularExpressions;

namespace Kiln.Versioning.Configuration;

/// <summary>A GitVersion.yml merged over its workflow template: the global keys, and the branch configurations in match order.</summary>
public sealed record GitVersionConfiguration
{
    /// <summary>The template the file was merged over (GitFlow/v1, GitHubFlow/v1, TrunkBased/preview1), or empty for none.</summary>
    public string Workflow { get; init; } = string.Empty;

    /// <summary>The global defaults for every branch-level key (label, increment, mode, ...).</summary>
    public BranchConfiguration Defaults { get; init; } = new();

    /// <summary>The branch configurations, in the order they are tried; <c>unknown</c> is used only when none other matches.</summary>
    public IReadOnlyList<BranchConfiguration> Branches { get; init; } = [];

    /// <summary>A tag counts only when it matches <c>^(prefix)</c> followed by a version.</summary>
    public string TagPrefix { get; init; } = "[vV]?";

    /// <summary>Which tag texts are versions.</summary>
    public SemanticVersionFormat SemanticVersionFormat { get; init; } = SemanticVersionFormat.Strict;

    /// <summary>A base version with no source commit, never incremented.</summary>
    public string? NextVersion { get; init; }

    /// <summary>Matches a message that bumps the major version.</summary>
    public Regex MajorVersionBumpMessage { get; init; } = new(@"\+semver:\s?(breaking|major)", RegexOptions.IgnoreCase);

    /// <summary>Matches a message that bumps the minor version.</summary>
    public Regex MinorVersionBumpMessage { get; init; } = new(@"\+semver:\s?(feature|minor)", RegexOptions.IgnoreCase);

    /// <summary>Matches a message that bumps the patch version.</summary>
    public Regex PatchVersionBumpMessage { get; init; } = new(@"\+semver:\s?(fix|patch)", RegexOptions.IgnoreCase);

    /// <summary>Matches a message that prevents any bump.</summary>
    public Regex NoBumpMessage { get; init; } = new(@"\+semver:\s?(none|skip)", RegexOptions.IgnoreCase);

    /// <summary>Whether messages raise the increment.</summary>
    public CommitMessageIncrementMode CommitMessageIncrementing { get; init; } = CommitMessageIncrementMode.Enabled;

    /// <summary>The enabled base-version strategies.</summary>
    public IReadOnlyList<VersionStrategy> Strategies { get; init; } = [];

    /// <summary>Excluded commits.</summary>
    public IgnoreConfiguration Ignore { get; init; } = new();

    /// <summary>Finds a version in a branch name.</summary>
    public Regex VersionInBranchPattern { get; init; } = new(@"(?<version>[vV]?\d+(\.\d+)?(\.\d+)?).*", RegexOptions.IgnoreCase);

    /// <summary>WeightedPreReleaseNumber when there is no pre-release number.</summary>
    public int TagPreReleaseWeight { get; init; } = 60000;

    /// <summary>The .NET format of CommitDate.</summary>
    public string CommitDateFormat { get; init; } = "yyyy-MM-dd";

    /// <summary>Extra merge-message regexes, tried before the built-in ones, by name.</summary>
    public IReadOnlyDictionary<string, Regex> MergeMessageFormats { get; init; } = new Dictionary<string, Regex>();

    /// <summary>How AssemblySemVer is built.</summary>
    public AssemblyVersioningScheme AssemblyVersioningScheme { get; init; } = AssemblyVersioningScheme.MajorMinorPatch;

    /// <summary>How AssemblySemFileVer is built.</summary>
    public AssemblyVersioningScheme AssemblyFileVersioningScheme { get; init; } = AssemblyVersioningScheme.MajorMinorPatch;

    /// <summary>Overrides AssemblySemVer when set.</summary>
    public string? AssemblyVersioningFormat { get; init; }

    /// <summary>Overrides AssemblySemFileVer when set.</summary>
    public string? AssemblyFileVersioningFormat { get; init; }

    /// <summary>Overrides InformationalVersion when set.</summary>
    public string? AssemblyInformationalFormat { get; init; }

    /// <summary>Whether CI build numbers are updated.</summary>
    public bool UpdateBuildNumber { get; init; } = true;

    /// <summary>The branch configuration with this name, if any.</summary>
    public BranchConfiguration? FindBranch(string name) =>
        Branches.FirstOrDefault(branch => string.Equals(branch.Name, name, StringComparison.OrdinalIgnoreCase));
}
