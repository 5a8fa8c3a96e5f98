namespace Kiln.Versioning.Git;

/// <summary>What <see cref="GitRepositoryReader.ReadAsync"/> reads besides the commit graph, refs and HEAD.</summary>
internal sealed record GitReadOptions
{
    /// <summary>Also read the paths each commit changed against its first parent (needed for <c>ignore.paths</c>); slower.</summary>
    public bool ReadPaths { get; init; }

    /// <summary>The environment to read CI hints from (GITHUB_ACTIONS, GITHUB_REF, GITHUB_HEAD_REF); null for the process environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }
}
