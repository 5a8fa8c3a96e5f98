using System.Text;
using System.Text.RegularExpressions;
using Kiln.Versioning.Configuration;

namespace Kiln.Versioning.Calculation;

/// <summary>Finds the branch configuration a branch name matches and fills its label.</summary>
internal sealed partial class BranchClassifier(GitVersionConfiguration configuration, IReadOnlyDictionary<string, string> environment)
{
    public const string Unknown = "unknown";

    /// <summary>The first configuration (in file order) whose regex matches; unknown only when nothing else does.</summary>
    public BranchConfiguration Classify(string branchName)
    {
        var name = ShortName(branchName);
        var match = configuration.Branches
            .Where(branch => !IsUnknown(branch) && branch.Regex is not null)
            .FirstOrDefault(branch => branch.Regex!.IsMatch(name));
        return match
            ?? configuration.Branches.FirstOrDefault(IsUnknown)
            ?? new BranchConfiguration { Name = Unknown, Regex = new Regex("(?<BranchName>.+)", RegexOptions.IgnoreCase) };
    }

    /// <summary>The configuration's label for a branch: {Group} placeholders from its regex, {env:VAR}, escaped as GitVersion does; null stays null.</summary>
    public string? Label(BranchConfiguration branch, string? label, string branchName)
    {
        if (string.IsNullOrEmpty(label))
        {
            return label;
        }

        var name = ShortName(branchName);
        var match = branch.Regex?.Match(name);
        var filled = Placeholder().Replace(label, placeholder =>
        {
            var key = placeholder.Groups["name"].Value;
            if (key.StartsWith("env:", StringComparison.OrdinalIgnoreCase))
            {
                return environment.TryGetValue(key[4..], out var value) ? value : string.Empty;
            }

            if (match is { Success: true } && match.Groups[key] is { Success: true } group)
            {
                return Escape(group.Value, allowDot: false);
            }

            // A {BranchName} without such a group is the whole (escaped) branch name.
            return string.Equals(key, "BranchName", StringComparison.OrdinalIgnoreCase) ? Escape(name, allowDot: false) : placeholder.Value;
        });
        return Escape(filled, allowDot: true);
    }

    /// <summary>A branch name without refs/heads/ and without the remote prefix origin/.</summary>
    public static string ShortName(string branchName)
    {
        var name = branchName;
        foreach (var prefix in new[] { "refs/heads/", "refs/remotes/", "origin/" })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name[prefix.Length..];
            }
        }

        return name;
    }

    /// <summary>Replaces every character outside [A-Za-z0-9-] (and '.', when allowed) with '-'.</summary>
    public static string Escape(string text, bool allowDot)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(character) || character == '-' || (allowDot && character == '.') ? character : '-');
        }

        return builder.ToString();
    }

    private static bool IsUnknown(BranchConfiguration branch) => string.Equals(branch.Name, Unknown, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\{(?<name>[^{}]+)\}")]
    private static partial Regex Placeholder();
}
