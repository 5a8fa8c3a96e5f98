using System.Text.RegularExpressions;

namespace Kiln.Hosts;

/// <summary>
/// The credentials inside a secret that may be printed on their own: in a connection string the values of AccountKey,
/// SharedAccessSignature, SharedAccessKey, Password and the like; in a SAS or a URL the <c>sig</c> value (as written
/// and URL-decoded). A tool that echoes only the key of a connection string is then masked too.
/// </summary>
internal static partial class SecretParts
{
    /// <summary>Shorter values are too common to mask on their own (they would mask ordinary words).</summary>
    private const int ShortestPart = 8;

    private static readonly HashSet<string> CredentialNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "AccountKey", "SharedAccessSignature", "SharedAccessKey", "Password", "Pwd", "ClientSecret", "Secret", "Token",
    };

    public static IEnumerable<string> Of(string secret)
    {
        var parts = new List<string>();
        foreach (var setting in secret.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = setting.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && CredentialNames.Contains(setting[..separator].Trim()))
            {
                parts.Add(setting[(separator + 1)..].Trim());
            }
        }

        foreach (Match signature in SignaturePattern().Matches(secret))
        {
            var value = signature.Groups["value"].Value;
            parts.Add(value);
            parts.Add(Uri.UnescapeDataString(value));
        }

        return parts.Where(part => part.Length >= ShortestPart && part != secret).Distinct(StringComparer.Ordinal);
    }

    [GeneratedRegex("(?:^|[?&;])sig=(?<value>[^&;\\s]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SignaturePattern();
}
