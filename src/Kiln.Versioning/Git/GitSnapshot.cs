namespace Kiln.Versioning.Git;

/// <summary>What is read from a repository in one go: its history and how many paths differ from HEAD.</summary>
internal sealed record GitSnapshot(GitHistory History, int UncommittedChanges);
