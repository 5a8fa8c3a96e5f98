using System.Buffers;
using System.Text.RegularExpressions;

namespace Kiln.Scanning.Secrets;

/// <summary>
/// The rules the scanner knows, most specific first: when two rules match the same characters, the earlier one reports.
/// Each pattern is source-generated and runs only on text that contains one of its rule's keywords (gitleaks-style).
/// </summary>
internal static partial class SecretRules
{
    /// <summary>What separates a name from its value: <c>=</c>, <c>:</c>, <c>:=</c>, <c>=&gt;</c>, <c>==</c>, with quotes and spaces around.</summary>
    private const string Assignment = """["'`]?\s*(?:=>|:=|==?|:)\s*[@$]?["'`]?""";

    /// <summary>A secret-like name: one of the words and up to 30 more name characters (<c>ClientSecret</c>, <c>api_key_value</c>).</summary>
    private const string SecretName = """(?<name>(?:password|passwd|pwd|secret|token|api[_\-.]?key)[\w\-.]{0,30}?)""";

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>Words after a secret-like name that make it a reference to a secret rather than one: <c>TokenUrl</c>, <c>PasswordHash</c>.</summary>
    private static readonly string[] ReferenceSuffixes =
    [
        "name", "names", "url", "uri", "endpoint", "path", "file", "type", "kind", "length", "count", "header", "variable",
        "var", "env", "ref", "hash", "format", "prefix", "suffix", "pattern", "regex", "rule", "id", "ids", "source",
        "provider", "parameter", "param", "field", "policy", "mode", "label", "description", "title",
    ];

    /// <summary>Characters of a call or an index (<c>GetPassword()</c>, <c>header[i</c>): code, not a literal.</summary>
    private static readonly SearchValues<char> CodeCharacters = SearchValues.Create("()[]");

    private static readonly SearchValues<char> QueryStringEnds = SearchValues.Create(" \t\r\n\"'`<>");

    /// <summary>
    /// Words and runs a generated secret practically never contains but a made-up test value usually does
    /// (<c>kiln-it-secret-7f3a9c</c>, <c>tok-0123456789abcdef</c>); gitleaks' generic rule has such stop words too.
    /// </summary>
    private static readonly string[] StopWords =
    [
        "secret", "token", "passw", "apikey", "api_key", "test", "fake", "mock", "sample", "integration", "local", "kiln",
        "0123", "1234", "abcd",
    ];

    public static IReadOnlyList<SecretRule> All { get; } =
    [
        new("azure-storage-connection-string", "Azure Storage connection string",
            "An Azure Storage connection string with an AccountKey: full access to the storage account.",
            ["accountkey"], AzureStorageConnectionString())
        {
            MinimumEntropy = 4.0,
        },
        new("azure-storage-account-key", "Azure Storage account key",
            "An 88-character base64 Azure Storage account key assigned to a key-like name: full access to the storage account.",
            ["key"], AzureStorageAccountKey())
        {
            MinimumEntropy = 4.0,
        },
        new("azure-sas-token", "Azure shared access signature",
            "The signature of an Azure shared access signature (sv=...&sig=...): access to storage until it expires.",
            ["sig="], AzureSasToken())
        {
            MinimumEntropy = 3.5,
            Confirm = HasSasVersion,
        },
        new("azure-entra-client-secret", "Microsoft Entra ID client secret",
            "A Microsoft Entra ID (Azure AD) application client secret (xxxNQ~...): signs in as the application.",
            ["q~"], AzureEntraClientSecret())
        {
            MinimumEntropy = 3.5,
            Confirm = (text, match) => match.Index == 0 || !(char.IsAsciiLetterOrDigit(text[match.Index - 1]) || text[match.Index - 1] is '_' or '~' or '.' or '-'),
        },
        new("github-token", "GitHub token (classic)",
            "A GitHub personal access, OAuth, user-to-server, server-to-server or refresh token (ghp_, gho_, ghu_, ghs_, ghr_).",
            ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], GitHubToken())
        {
            PublicPrefixLength = 4,
            MinimumEntropy = 3.5,
        },
        new("github-fine-grained-token", "GitHub fine-grained token",
            "A GitHub fine-grained personal access token (github_pat_...).",
            ["github_pat_"], GitHubFineGrainedToken())
        {
            PublicPrefixLength = 11,
            MinimumEntropy = 3.5,
        },
        new("nuget-api-key", "NuGet API key",
            "A nuget.org API key (oy2...): pushes packages under the owner's name.",
            ["oy2"], NuGetApiKey())
        {
            PublicPrefixLength = 3,
            MinimumEntropy = 3.5,
        },
        new("aws-access-key-id", "AWS access key id",
            "An AWS access key id (AKIA..., ASIA...): half of an AWS credential, and it names the account.",
            ["akia", "asia", "abia", "acca"], AwsAccessKeyId())
        {
            PublicPrefixLength = 4,
            MinimumEntropy = 3.0,
        },
        new("aws-secret-access-key", "AWS secret access key",
            "A 40-character AWS secret access key assigned to an aws_secret_access_key-like name.",
            ["secretaccess", "secret_access", "secret-access", "secret.access", "awssecret", "aws_secret", "aws-secret", "aws.secret"],
            AwsSecretAccessKey())
        {
            MinimumEntropy = 4.0,
        },
        new("private-key", "Private key",
            "A PEM private key block (-----BEGIN ... PRIVATE KEY-----): RSA, EC, DSA, OpenSSH, PKCS#8 or PGP.",
            ["private key"], PrivateKey())
        {
            MinimumEntropy = 4.0,
        },
        new("generic-secret", "High-entropy secret",
            "A random-looking value assigned to a name like password, secret, token, apikey or client_secret.",
            ["password", "passwd", "pwd", "secret", "token", "apikey", "api_key", "api-key", "api.key"], GenericSecret())
        {
            MinimumEntropy = 3.5,
            Confirm = IsGenericSecret,
        },
    ];

    /// <summary>The rule with the id, or null.</summary>
    public static SecretRule? Find(string id) => All.FirstOrDefault(rule => string.Equals(rule.Id, id, StringComparison.Ordinal));

    [GeneratedRegex("""(?i)\bAccountKey\s*=\s*(?<secret>[a-z0-9+/]{86}==)(?![a-z0-9+/=])""", Options)]
    private static partial Regex AzureStorageConnectionString();

    [GeneratedRegex("""(?i:key)[\w.\-]{0,30}""" + Assignment + """(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])""", Options)]
    private static partial Regex AzureStorageAccountKey();

    [GeneratedRegex("""(?i)(?<![\w%])sig=(?<secret>(?:[a-z0-9+/]|%2[bf]){40,120}(?:=|%3d){0,2})""", Options)]
    private static partial Regex AzureSasToken();

    [GeneratedRegex("""(?<secret>[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.\-]{31,34})(?![\w~.\-])""", Options)]
    private static partial Regex AzureEntraClientSecret();

    [GeneratedRegex("""(?<![A-Za-z0-9_])(?<secret>gh[pousr]_[A-Za-z0-9]{36})(?![A-Za-z0-9_])""", Options)]
    private static partial Regex GitHubToken();

    [GeneratedRegex("""(?<![A-Za-z0-9_])(?<secret>github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])""", Options)]
    private static partial Regex GitHubFineGrainedToken();

    [GeneratedRegex("""(?<![A-Za-z0-9])(?<secret>oy2[a-z0-9]{43})(?![A-Za-z0-9])""", Options)]
    private static partial Regex NuGetApiKey();

    [GeneratedRegex("""(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])""", Options)]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(
        """(?i)(?:aws[_\-.]?secret[_\-.]?(?:access[_\-.]?)?key|secret[_\-.]?access[_\-.]?key)""" + Assignment + """(?<secret>[a-z0-9/+]{40})(?![a-z0-9/+=])""",
        Options)]
    private static partial Regex AwsSecretAccessKey();

    [GeneratedRegex(
        """-----BEGIN[ A-Z0-9]{0,24}PRIVATE KEY(?: BLOCK)?-----[A-Za-z0-9+/=\s:,\-]{64,16384}?-----END[ A-Z0-9]{0,24}PRIVATE KEY(?: BLOCK)?-----""",
        Options)]
    private static partial Regex PrivateKey();

    [GeneratedRegex(
        "(?i)(?:(?<=" + SecretName + """["'`]?\s*)(?:=>|:=|==?|:)|(?<=<""" + SecretName + ")>|(?<=" + SecretName + """["']\s+value\s*)=)\s*[@$]?["'`]?(?<secret>[^\s"'`;,<>]{12,300})""",
        Options)]
    private static partial Regex GenericSecret();

    [GeneratedRegex("""(?i)(?<![\w])sv=\d{4}-\d{2}-\d{2}(?![\w])""", Options)]
    private static partial Regex SasVersion();

    /// <summary>A <c>sig=</c> is a shared access signature's when its query string (the run of text around it up to a space or a quote) has <c>sv=yyyy-mm-dd</c>.</summary>
    private static bool HasSasVersion(string text, Match match)
    {
        var start = text.AsSpan(0, match.Index).LastIndexOfAny(QueryStringEnds) + 1;
        var end = text.AsSpan(match.Index).IndexOfAny(QueryStringEnds) is var after and >= 0 ? match.Index + after : text.Length;
        return SasVersion().IsMatch(text.AsSpan(start, end - start));
    }

    /// <summary>
    /// A value assigned to a secret-like name is reported when it is a random-looking literal: not a placeholder, a GUID,
    /// a URL, a path, code (a call, an identifier), a word or a made-up test value (a stop word), and the name is not a
    /// reference to a secret (<c>TokenUrl</c>, <c>SecretName</c>).
    /// </summary>
    private static bool IsGenericSecret(string text, Match match)
    {
        var value = match.Groups["secret"].ValueSpan;
        var nameGroup = match.Groups["name"];
        var name = nameGroup.Value;

        // An assembly's PublicKeyToken is the public hash of a public key.
        if (text.AsSpan(0, nameGroup.Index).EndsWith("PublicKey", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Guid.TryParseExact(value, "D", out _) || value.Contains("://", StringComparison.Ordinal)
            || value.StartsWith("/") || value.StartsWith("./") || value.StartsWith("../") || value.StartsWith("~/")
            || value.ContainsAny(CodeCharacters) || IsWordLike(value) || HasStopWord(value))
        {
            return false;
        }

        var letters = new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return !ReferenceSuffixes.Any(reference => letters.Length > reference.Length && letters.EndsWith(reference, StringComparison.Ordinal));
    }

    private static bool HasStopWord(ReadOnlySpan<char> value)
    {
        foreach (var word in StopWords)
        {
            if (value.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Letters with dots, dashes or underscores only: an identifier, a member access or a word, not a key.</summary>
    private static bool IsWordLike(ReadOnlySpan<char> value)
    {
        foreach (var character in value)
        {
            if (!char.IsAsciiLetter(character) && character is not ('.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
