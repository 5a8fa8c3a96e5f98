using Kiln.Versioning.Configuration;
using Kiln.Versioning.Git;

namespace Kiln.Versioning.Calculation;

/// <summary>The strongest <c>+semver:</c> bump in commit messages, as commit-message-incrementing allows.</summary>
internal sealed class CommitMessageIncrement(CalculationContext context)
{
    private HashSet<string>? released;
    private VersionField? unreleased;

    /// <summary>
    /// The strongest bump among the commits reachable from HEAD and not from the source, leaving out what a version
    /// tag already released (the tagged commits and everything behind them).
    /// </summary>
    public VersionField FromRange(string? source)
    {
        if (context.Configuration.CommitMessageIncrementing == CommitMessageIncrementMode.Disabled)
        {
            return VersionField.None;
        }

        released ??= Released();
        if (source is null || released.Contains(source))
        {
            // Everything behind the source is released already, so the range is just what no tag released.
            unreleased ??= Strongest(context.History.Range(null, context.History.Head).Where(IsCounted));
            return unreleased.Value;
        }

        return Strongest(context.History.Range(source, context.History.Head).Where(IsCounted));
    }

    private bool IsCounted(Commit commit) => !context.Ignored.Contains(commit.Sha) && !released!.Contains(commit.Sha);

    private HashSet<string> Released()
    {
        var history = context.History;
        var reachable = history.AncestorsOf(history.Head);
        var set = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(context.Tags.Select(tag => tag.Sha).Where(reachable.Contains));
        while (stack.Count > 0)
        {
            var sha = stack.Pop();
            if (!set.Add(sha) || !history.Contains(sha))
            {
                continue;
            }

            foreach (var parent in history[sha].Parents)
            {
                stack.Push(parent);
            }
        }

        return set;
    }

    /// <summary>The strongest bump among these commits' messages.</summary>
    public VersionField Strongest(IEnumerable<Commit> commits)
    {
        var strongest = VersionField.None;
        foreach (var commit in commits)
        {
            if (context.Configuration.CommitMessageIncrementing == CommitMessageIncrementMode.MergeMessageOnly && !commit.IsMerge)
            {
                continue;
            }

            strongest = VersionFields.Max(strongest, Of(commit.Message));
            if (strongest == VersionField.Major)
            {
                break;
            }
        }

        return strongest;
    }

    /// <summary>The bump one message asks for; a no-bump message asks for none.</summary>
    public VersionField Of(string message)
    {
        var configuration = context.Configuration;
        if (configuration.CommitMessageIncrementing == CommitMessageIncrementMode.Disabled)
        {
            return VersionField.None;
        }

        if (configuration.MajorVersionBumpMessage.IsMatch(message))
        {
            return VersionField.Major;
        }

        if (configuration.MinorVersionBumpMessage.IsMatch(message))
        {
            return VersionField.Minor;
        }

        return configuration.PatchVersionBumpMessage.IsMatch(message) ? VersionField.Patch : VersionField.None;
    }
}
