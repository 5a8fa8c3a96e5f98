using Kiln.Azure.Authentication;

namespace Kiln.UnitTests.Scanning.Secrets;

/// <summary>
/// Text that looks like a secret to a careless scanner but is not one: GUIDs, hashes, base64 data, package integrity
/// strings, placeholders, references to secrets, and Azurite's published key (allowed by <see cref="AzuriteAllowList"/>).
/// Random parts are made at test time from a fixed seed.
/// </summary>
internal static class Decoys
{
    private const string Hex = "0123456789abcdef";

    private static readonly Random Random = new(7);

    private static readonly Dictionary<string, string> All = new(StringComparer.Ordinal)
    {
        ["guid"] = $"  \"id\": \"{Guid.NewGuid()}\",",
        ["guid assigned to a secret name"] = $"  \"token\": \"{Guid.NewGuid()}\",",
        ["sha1 hex"] = $"sha1: {Chars(Hex, 40)}",
        ["sha256 hex"] = $"  \"sha256\": \"{Chars(Hex, 64)}\",",
        ["sha512 hex"] = $"{Chars(Hex, 128)}  Kiln.1.0.0.nupkg",
        ["git sha"] = $"Merge {Chars(Hex, 40)} into {Chars(Hex, 40)}",
        ["base64 data"] = $"    private static readonly byte[] Data = Convert.FromBase64String(\"{Base64(64)}\");",
        ["base64 value of a non-secret name"] = $"  \"payload\": \"{Base64(64)}\",",
        ["project.assets.json sha512"] = $"      \"sha512\": \"{Base64(64)}\",",
        ["packages.lock.json content hash"] = $"        \"contentHash\": \"{Base64(64)}\",",
        ["package-lock.json integrity"] = $"      \"integrity\": \"sha512-{Base64(64)}\",",
        ["Azurite key, allow-listed"] = $"AccountName={DevelopmentStorageAccount.Name};AccountKey={DevelopmentStorageAccount.Key};",
        ["Azurite key constant, allow-listed"] = $"    public const string Key = \"{DevelopmentStorageAccount.Key}\";",
        ["angle-bracket placeholder"] = "password: <your-password-here>",
        ["GitHub Actions secret"] = "  NUGET_API_KEY: ${{ secrets.NUGET_API_KEY }}",
        ["MSBuild property"] = "<ApiKey>$(NuGetApiKey)</ApiKey>",
        ["environment variable"] = "set CLIENT_SECRET=%CLIENT_SECRET%",
        ["masked value"] = "client_secret = \"******************\"",
        ["changeme"] = "password = \"changeme-changeme\"",
        ["xxxx"] = "  \"apiKey\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",",
        ["xxxx token of a real shape"] = "GITHUB_TOKEN=ghp_" + new string('x', 36),
        ["empty value"] = "password=\"\"",
        ["short value"] = "token = \"a1b2c3\"",
        ["low entropy value"] = "password = \"ab12ab12ab12ab12ab12ab12\"",
        ["made-up test value"] = "    private const string Token = \"tok-0123456789abcdef\";",
        ["URL of a token endpoint"] = "TokenUrl = \"https://login.microsoftonline.com/common/oauth2/v2.0/token\"",
        ["name of a secret"] = "SecretName = \"kv-signing-2024-rotation\"",
        ["code reading a secret"] = "var password = Environment.GetEnvironmentVariable(\"PASSWORD\");",
        ["identifier"] = "token = cancellationToken;",
        ["code indexing an array"] = "const token = policyHeader[i - 1].trim()",
        ["assembly public key token"] = $"\"mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken={Chars(Hex, 16)}\"",
        ["PEM header in prose"] = "A private key starts with -----BEGIN " + "PRIVATE KEY----- and ends with its END line.",
        ["AWS documentation example"] = "aws_access_key_id = AKIA" + "IOSFODNN7EXAMPLE",
    };

    public static IReadOnlyCollection<string> Names => All.Keys;

    public static TheoryData<string> Cases() => new(All.Keys);

    public static string Get(string name) => All[name];

    /// <summary>The allow list this repository has: Azurite's published development key, by value.</summary>
    public static string AzuriteAllowList() =>
        $$"""{ "allow": [ { "value": "{{DevelopmentStorageAccount.Key}}", "reason": "Azurite's published development key" } ] }""";

    private static string Chars(string alphabet, int length) => FakeSecrets.Chars(Random, alphabet, length);

    private static string Base64(int bytes) => Convert.ToBase64String(FakeSecrets.Bytes(Random, bytes));
}
