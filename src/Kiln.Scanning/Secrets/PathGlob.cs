using System.Text;
using System.Text.RegularExpressions;

namespace Kiln.Scanning.Secrets;

/// <summary>
/// A glob over repository-relative paths with forward slashes: <c>*</c> within a folder name, <c>**</c> across folders,
/// <c>?</c> one character; a pattern ending in <c>/</c> means everything under that folder. Case-sensitive.
/// </summary>
internal sealed class PathGlob
{
    private readonly Regex regex;

    public PathGlob(string pattern)
    {
        Pattern = pattern;
        var glob = pattern.Replace('\\', '/').TrimStart('/');
        if (glob.EndsWith('/'))
        {
            glob += "**";
        }

        var builder = new StringBuilder("^");
        for (var index = 0; index < glob.Length; index++)
        {
            var character = glob[index];
            if (character == '*' && index + 1 < glob.Length && glob[index + 1] == '*')
            {
                var slash = index + 2 < glob.Length && glob[index + 2] == '/';
                builder.Append(slash ? "(?:.*/)?" : ".*");
                index += slash ? 2 : 1;
            }
            else
            {
                builder.Append(character switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(character.ToString()),
                });
            }
        }

        regex = new Regex(builder.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
    }

    public string Pattern { get; }

    public bool IsMatch(string path) => regex.IsMatch(path);
}
