namespace Kiln.GitHubActions;

/// <summary>
/// The <c>uses:</c> values of one workflow. A pinned SHA's version is remembered here, so that the emitter writes it as a
/// comment beside the SHA: every step writer shares one instance per workflow.
/// </summary>
internal sealed class ActionReferences(GitHubActionsAttribute workflow)
{
    private readonly Dictionary<string, string> comments = new(StringComparer.Ordinal);

    /// <summary>The version comments, keyed by the <c>uses:</c> value they follow.</summary>
    public IReadOnlyDictionary<string, string> Comments => comments;

    /// <summary>The <c>uses:</c> value of an action Kiln knows, at the version the workflow pins.</summary>
    public string Uses(string action)
    {
        var (uses, comment) = ActionVersions.Reference(action, workflow.ActionVersions);
        Remember(uses, comment);
        return uses;
    }

    /// <summary>The <c>uses:</c> value of an action a step pins itself (<c>owner/repo@sha # v1.2.3</c>).</summary>
    public string Pinned(string action)
    {
        var (uses, comment) = ActionVersions.Parse(action);
        Remember(uses, comment);
        return uses;
    }

    private void Remember(string uses, string? comment)
    {
        if (comment is not null)
        {
            comments[uses] = comment;
        }
    }
}
