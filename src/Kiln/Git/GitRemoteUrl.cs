namespace Kiln.Git;

/// <summary>The host and the owner/name path of a remote's URL, in its https, ssh or scp-like (git@host:path) form.</summary>
internal sealed record GitRemoteUrl(string Endpoint, string Identifier)
{
    /// <summary>The parts of <paramref name="url"/>, or null for a local path or a URL without an owner/name path.</summary>
    public static GitRemoteUrl? Parse(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        string host;
        string path;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "ssh" or "git")
        {
            host = uri.Host;
            path = uri.AbsolutePath;
        }
        else if (url.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && !url.Contains("://", StringComparison.Ordinal) && !Path.IsPathRooted(url))
        {
            // scp-like: [user@]host:owner/name.git
            var at = url.LastIndexOf('@', colon);
            host = url[(at + 1)..colon];
            path = url[(colon + 1)..];
        }
        else
        {
            return null;
        }

        var identifier = path.Trim('/');
        identifier = identifier.EndsWith(".git", StringComparison.Ordinal) ? identifier[..^".git".Length] : identifier;
        return host.Length > 0 && identifier.Contains('/', StringComparison.Ordinal) ? new GitRemoteUrl(host, identifier) : null;
    }
}
