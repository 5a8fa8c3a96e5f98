using System.Security.Cryptography;
using System.Text;

namespace Kiln.UnitTests.Scanning.Secrets;

/// <summary>
/// Fake secrets made at test time from seeded random characters in each rule's alphabet and length, so that no literal
/// that looks like a real secret is ever committed (the repository's own scan would report it). Each comes inside a line
/// of the kind it is found in, with the offset of the value in that text.
/// </summary>
internal static class FakeSecrets
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Alphanumerics = Upper + Lower + Digits;
    private const string Base64 = Alphanumerics + "+/";

    /// <summary>Every rule id with a fake secret.</summary>
    public static IReadOnlyList<string> RuleIds { get; } =
    [
        "azure-storage-connection-string", "azure-storage-account-key", "azure-sas-token", "azure-entra-client-secret",
        "github-token", "github-fine-grained-token", "nuget-api-key", "aws-access-key-id", "aws-secret-access-key",
        "private-key", "generic-secret",
    ];

    public static TheoryData<string> Rules() => new(RuleIds);

    /// <summary>A fake secret of the rule, the same for the same seed.</summary>
    public static FakeSecret For(string ruleId, int seed = 1)
    {
        var random = new Random(HashCode(ruleId) + seed);
        return ruleId switch
        {
            "azure-storage-connection-string" => Make(ruleId, "DefaultEndpointsProtocol=https;AccountName=fakeaccount;AccountKey=", Key(random), ";EndpointSuffix=core.windows.net"),
            "azure-storage-account-key" => Make(ruleId, "    private const string StorageKey = \"", Key(random), "\";"),
            "azure-sas-token" => Make(
                ruleId,
                "https://fake.blob.core.windows.net/c/b.txt?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=",
                Uri.EscapeDataString(Convert.ToBase64String(Bytes(random, 32))),
                "\""),
            "azure-entra-client-secret" => Make(
                ruleId,
                "AZURE_CLIENT_CREDENTIAL=\"",
                Chars(random, Alphanumerics + "_~.", 3) + Chars(random, Digits, 1) + "Q~" + Chars(random, Alphanumerics + "_~.-", 34),
                "\""),
            "github-token" => Make(ruleId, "export GITHUB_TOKEN=", "gh" + Chars(random, "pousr", 1) + "_" + Chars(random, Alphanumerics, 36), ""),
            "github-fine-grained-token" => Make(ruleId, "token: ", "github_pat_" + Chars(random, Alphanumerics, 22) + "_" + Chars(random, Alphanumerics, 59), ""),
            "nuget-api-key" => Make(ruleId, "dotnet nuget push out/Kiln.1.0.0.nupkg --api-key ", "oy2" + Chars(random, Lower + Digits, 43), " --source nuget.org"),
            "aws-access-key-id" => Make(ruleId, "aws_access_key_id = ", Chars(random, ["AKIA", "ASIA"]) + Chars(random, Upper + "234567", 16), ""),
            "aws-secret-access-key" => Make(ruleId, "aws_secret_access_key = ", Chars(random, Base64, 40), ""),
            "private-key" => PrivateKey(random),
            "generic-secret" => Make(ruleId, "  \"ClientSecret\": \"", Chars(random, Alphanumerics, 1) + Chars(random, Alphanumerics + "!#%&*+-=?@^_", 31), "\","),
            _ => throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "No fake secret for this rule."),
        };
    }

    /// <summary>Random characters from the alphabet.</summary>
    public static string Chars(Random random, string alphabet, int length) =>
        new(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

    /// <summary>Random bytes.</summary>
    public static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>An 88-character base64 key (64 random bytes), the shape of an Azure Storage account key.</summary>
    public static string Key(Random random) => Convert.ToBase64String(Bytes(random, 64));

    private static string Chars(Random random, string[] choices) => choices[random.Next(choices.Length)];

    private static FakeSecret PrivateKey(Random random)
    {
        var body = Convert.ToBase64String(Bytes(random, 600));
        var lines = Enumerable.Range(0, (body.Length + 63) / 64).Select(index => body.Substring(index * 64, Math.Min(64, body.Length - (index * 64))));

        // Split so that this file holds no PEM header the scanner could take for a key.
        var kind = "RSA " + "PRIVATE KEY";
        var block = $"-----BEGIN {kind}-----\n{string.Join('\n', lines)}\n-----END {kind}-----";
        return Make("private-key", "", block, "");
    }

    private static FakeSecret Make(string ruleId, string before, string value, string after) =>
        new(ruleId, before + value + after, value, before.Length);

    private static int HashCode(string text) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>A fake secret inside the text it is found in (possibly several lines), and where the value starts in it.</summary>
internal sealed record FakeSecret(string RuleId, string Text, string Value, int Offset);
