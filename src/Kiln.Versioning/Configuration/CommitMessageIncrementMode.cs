namespace Kiln.Versioning.Configuration;

/// <summary>Whether <c>+semver:</c> messages raise the increment (GitVersion's <c>commit-message-incrementing</c>).</summary>
public enum CommitMessageIncrementMode
{
    /// <summary>Every commit message is scanned.</summary>
    Enabled,

    /// <summary>Messages are ignored.</summary>
    Disabled,

    /// <summary>Only merge commits are scanned.</summary>
    MergeMessageOnly,
}
