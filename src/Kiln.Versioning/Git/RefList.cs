namespace Kiln.Versioning.Git;

/// <summary>
/// The one <c>git for-each-ref</c> call that lists local branches, remote-tracking branches and tags, and the parser
/// for its output. Annotated tags are peeled to their commit; tags of trees or blobs are left out.
/// </summary>
internal sealed class RefList
{
    private const string Heads = "refs/heads/";
    private const string Remotes = "refs/remotes/";
    private const string TagRefs = "refs/tags/";

    /// <summary>The arguments: each ref as its name, object, object type, peeled object and peeled type, NUL separated.</summary>
    public static IReadOnlyList<string> Arguments { get; } =
    [
        "for-each-ref",
        "--format=%(refname)%00%(objectname)%00%(objecttype)%00%(*objectname)%00%(*objecttype)",
        "refs/heads", "refs/remotes", "refs/tags",
    ];

    /// <summary>Short branch name (local "develop", remote-tracking "origin/develop") to its commit.</summary>
    public Dictionary<string, string> Branches { get; } = new(StringComparer.Ordinal);

    /// <summary>Tag names with the commit they point at, peeled.</summary>
    public List<(string Name, string Sha)> Tags { get; } = [];

    /// <summary>Full names of tags that point at another tag (nested annotated tags), which one peel does not reach.</summary>
    public List<string> NestedTags { get; } = [];

    /// <summary>Reads the output of a for-each-ref run with <see cref="Arguments"/>.</summary>
    public static RefList Parse(string output)
    {
        var refs = new RefList();
        var remoteBranches = new List<(string Name, string Sha)>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\0');
            if (fields.Length != 5)
            {
                throw new VersioningException($"git for-each-ref printed a line Kiln cannot read: '{line.Replace('\0', ' ')}'.");
            }

            var (name, objectName, objectType, peeledName, peeledType) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
            if (name.StartsWith(Heads, StringComparison.Ordinal) && objectType == "commit")
            {
                refs.Branches[name[Heads.Length..]] = objectName;
            }
            else if (name.StartsWith(Remotes, StringComparison.Ordinal) && objectType == "commit" && !name.EndsWith("/HEAD", StringComparison.Ordinal))
            {
                remoteBranches.Add((name[Remotes.Length..], objectName));
            }
            else if (name.StartsWith(TagRefs, StringComparison.Ordinal))
            {
                var tag = name[TagRefs.Length..];
                switch (objectType, peeledType)
                {
                    case ("commit", _):
                        refs.Tags.Add((tag, objectName));
                        break;
                    case ("tag", "commit"):
                        refs.Tags.Add((tag, peeledName));
                        break;
                    case ("tag", "tag"):
                        refs.NestedTags.Add(name);
                        break;
                    default:
                        // A tag of a tree or a blob names no version of the history.
                        break;
                }
            }
        }

        // A local branch keeps its name when a remote-tracking branch would shorten to the same one.
        foreach (var (name, sha) in remoteBranches)
        {
            refs.Branches.TryAdd(name, sha);
        }

        return refs;
    }
}
