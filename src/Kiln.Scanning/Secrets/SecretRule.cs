using System.Text.RegularExpressions;

namespace Kiln.Scanning.Secrets;

/// <summary>
/// One kind of credential the secret scanner looks for. Its <see cref="Id"/> is stable across versions, so it can be a
/// SARIF <c>ruleId</c> and the <c>rule</c> of an allow-list entry.
/// </summary>
public sealed class SecretRule
{
    internal SecretRule(string id, string title, string description, IReadOnlyList<string> keywords, Regex pattern) =>
        (Id, Title, Description, Keywords, Pattern) = (id, title, description, keywords, pattern);

    /// <summary>The stable rule id: <c>github-token</c>, <c>azure-storage-account-key</c>, ...</summary>
    public string Id { get; }

    /// <summary>A short human name: <c>GitHub token (classic)</c>.</summary>
    public string Title { get; }

    /// <summary>One sentence on what the rule finds and why it matters (a SARIF rule's short description).</summary>
    public string Description { get; }

    /// <summary>Case-insensitive words one of which every match contains; the pattern runs only on text that has one.</summary>
    internal IReadOnlyList<string> Keywords { get; }

    /// <summary>The pattern; its <c>secret</c> group (or the whole match when there is none) is the value.</summary>
    internal Regex Pattern { get; }

    /// <summary>How many leading characters of a value are a published prefix (<c>ghp_</c>, <c>AKIA</c>) safe to show.</summary>
    internal int PublicPrefixLength { get; init; }

    /// <summary>The Shannon entropy (bits per character) a value needs; lower values are placeholders or prose.</summary>
    internal double MinimumEntropy { get; init; }

    /// <summary>An extra check on a match in its text (the context a pattern cannot express cheaply); null accepts all.</summary>
    internal Func<string, Match, bool>? Confirm { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Id;
}
