namespace Kiln.Publishing;

/// <summary>
/// Where packages are published: a folder feed (a path, relative to the root, or a file:// URI) that Kiln writes
/// itself, or an http(s) NuGet v3 source (its service index URL) that <c>dotnet nuget push</c> pushes to.
/// </summary>
public sealed record NuGetSource
{
    private NuGetSource(string text, string? folder, Uri? serviceIndex) =>
        (Text, Folder, ServiceIndex) = (text, folder, serviceIndex);

    /// <summary>The source as given.</summary>
    public string Text { get; }

    /// <summary>The folder of a folder feed, as a full path; null for an http source.</summary>
    public string? Folder { get; }

    /// <summary>The service index of an http source; null for a folder feed.</summary>
    public Uri? ServiceIndex { get; }

    /// <summary>Whether pushing needs an API key: an http source does, a folder feed does not.</summary>
    public bool IsRemote => ServiceIndex is not null;

    /// <summary>Reads a source as <c>--nuget-source</c> gives it.</summary>
    /// <param name="source">A folder path, a file:// URI or an http(s) URL of a v3 service index.</param>
    /// <param name="rootDirectory">What a relative folder path is relative to.</param>
    /// <exception cref="KilnException">Another kind of URI (ftp:, say).</exception>
    public static NuGetSource Parse(string source, string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(rootDirectory);
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && !Path.IsPathRooted(source))
        {
            return uri.Scheme switch
            {
                "http" or "https" => new NuGetSource(source, null, uri),
                "file" => new NuGetSource(source, Path.GetFullPath(uri.LocalPath), null),
                _ => throw new KilnException($"--nuget-source {source} is neither a folder nor an http(s) NuGet source: give a path, or a service index URL such as https://api.nuget.org/v3/index.json."),
            };
        }

        return new NuGetSource(source, Path.GetFullPath(Path.Combine(rootDirectory, source)), null);
    }

    /// <summary>The folder's full path, or the service index URL without any user name or password in it.</summary>
    public override string ToString() =>
        ServiceIndex is { } index
            ? (string.IsNullOrEmpty(index.UserInfo) ? index : new UriBuilder(index) { UserName = string.Empty, Password = string.Empty }.Uri).AbsoluteUri
            : Folder!;
}
