using System.Security.Cryptography;
using System.Text;
using Kiln.Scanning.Secrets;

namespace Kiln.UnitTests.Scanning.Secrets;

public sealed class SecretAllowListTests
{
    private static IReadOnlyList<Kiln.Scanning.ScanFinding> Scan(string allowList, string path, string text) =>
        new SecretScanner(new SecretScannerOptions { AllowList = SecretAllowList.Parse(allowList, ".nuke/secrets-allowlist.json") }).Scan(path, text);

    private static string Sha256(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static KilnException ParseError(string json) =>
        Assert.Throws<KilnException>(() => SecretAllowList.Parse(json, ".nuke/secrets-allowlist.json"));

    [Fact]
    public void An_entry_by_sha256_allows_that_value_and_no_other()
    {
        var allowed = FakeSecrets.For("github-token", seed: 1);
        var other = FakeSecrets.For("github-token", seed: 2);
        var allowList = $$"""{ "allow": [ { "sha256": "{{Sha256(allowed.Value)}}", "reason": "revoked sample token" } ] }""";

        var findings = Scan(allowList, "docs/a.md", allowed.Text + "\n" + other.Text + "\n");

        Assert.Equal(2, Assert.Single(findings).Line);
    }

    [Fact]
    public void An_entry_by_sha256_matches_whatever_the_case_of_its_hex_digits()
    {
        var secret = FakeSecrets.For("nuget-api-key");
        var allowList = $$"""{ "allow": [ { "sha256": "{{Sha256(secret.Value).ToUpperInvariant()}}", "reason": "revoked" } ] }""";

        Assert.Empty(Scan(allowList, "a.txt", secret.Text));
    }

    [Fact]
    public void An_entry_by_value_allows_that_value_and_no_other()
    {
        var allowed = FakeSecrets.For("azure-storage-account-key", seed: 1);
        var other = FakeSecrets.For("azure-storage-account-key", seed: 2);
        var allowList = $$"""{ "allow": [ { "value": "{{allowed.Value}}", "reason": "a published emulator key" } ] }""";

        var findings = Scan(allowList, "a.cs", allowed.Text + "\n" + other.Text + "\n");

        Assert.Equal(2, Assert.Single(findings).Line);
    }

    [Fact]
    public void An_entry_by_path_allows_every_finding_under_the_glob_and_none_elsewhere()
    {
        var secret = FakeSecrets.For("aws-access-key-id");
        const string AllowList = """{ "allow": [ { "path": "tests/**/fixtures/", "reason": "generated fixtures" } ] }""";

        Assert.Empty(Scan(AllowList, "tests/unit/fixtures/deep/keys.txt", secret.Text));
        Assert.Single(Scan(AllowList, "src/keys.txt", secret.Text));
    }

    [Fact]
    public void An_entry_restricted_to_a_rule_allows_only_that_rules_findings()
    {
        var key = FakeSecrets.For("aws-access-key-id");
        var token = FakeSecrets.For("github-token");
        const string AllowList = """{ "allow": [ { "path": "**", "rule": "aws-access-key-id", "reason": "fake AWS ids for the emulator" } ] }""";

        var findings = Scan(AllowList, "a.txt", key.Text + "\n" + token.Text + "\n");

        Assert.Equal("github-token", Assert.Single(findings).RuleId);
    }

    [Fact]
    public void The_allow_list_of_this_repository_allows_the_Azurite_development_key()
    {
        Assert.Empty(Scan(Decoys.AzuriteAllowList(), "src/Kiln.Azure/Authentication/DevelopmentStorageAccount.cs", Decoys.Get("Azurite key constant, allow-listed")));
    }

    [Fact]
    public void Without_an_allow_list_the_Azurite_development_key_is_reported_like_any_account_key()
    {
        var finding = Assert.Single(new SecretScanner().Scan("a.cs", Decoys.Get("Azurite key constant, allow-listed")));

        Assert.Equal("azure-storage-account-key", finding.RuleId);
    }

    [Fact]
    public void A_missing_allow_list_file_allows_nothing()
    {
        var list = SecretAllowList.Load(AbsolutePath.Create(Path.Combine(Path.GetTempPath(), "kiln-no-such-" + Guid.NewGuid().ToString("N"), "allowlist.json")));

        Assert.Equal(0, list.Count);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_accepted()
    {
        var list = SecretAllowList.Parse("""
            {
              // Fixtures are generated.
              "allow": [ { "path": "fixtures/", "reason": "generated", }, ],
            }
            """, "a.json");

        Assert.Equal(1, list.Count);
    }

    [Fact]
    public void An_entry_without_a_reason_is_an_error_naming_the_file_the_line_and_the_fix()
    {
        var error = ParseError("{\n  \"allow\": [\n    { \"path\": \"fixtures/\" }\n  ]\n}");

        Assert.Equal(
            ".nuke/secrets-allowlist.json:3: the allow-list entry has no \"reason\": add one that says why the value is not a secret, or why it may stay.",
            error.Message);
    }

    [Fact]
    public void An_unknown_key_is_an_error_naming_its_line_and_the_key_meant()
    {
        var error = ParseError("{ \"allow\": [\n  { \"path\": \"p\",\n    \"reasn\": \"r\" } ] }");

        Assert.Equal(
            ".nuke/secrets-allowlist.json:3: unknown key \"reasn\" in an allow-list entry. Did you mean reason? An entry has \"reason\", \"sha256\", \"value\", \"path\", \"rule\".",
            error.Message);
    }

    [Fact]
    public void An_unknown_top_level_key_is_an_error()
    {
        var error = ParseError("{ \"allowed\": [] }");

        Assert.StartsWith(".nuke/secrets-allowlist.json:1: unknown key \"allowed\" at the top of the allow list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_JSON_is_an_error_naming_the_line_without_quoting_the_text()
    {
        var secret = FakeSecrets.For("github-token");

        var error = ParseError($"{{ \"allow\": [\n  {{ \"value\": \"{secret.Value}\" \"reason\": \"x\" }}\n] }}");

        Assert.StartsWith(".nuke/secrets-allowlist.json:2: not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Value[4..10], error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_with_two_of_sha256_value_and_path_is_an_error()
    {
        var error = ParseError("""{ "allow": [ { "value": "v", "path": "p", "reason": "r" } ] }""");

        Assert.Contains("has \"value\" and \"path\", more than one of \"sha256\", \"value\" and \"path\": give exactly one per entry.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_with_none_of_sha256_value_and_path_is_an_error()
    {
        var error = ParseError("""{ "allow": [ { "rule": "github-token", "reason": "r" } ] }""");

        Assert.Contains("has none of \"sha256\", \"value\" and \"path\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_rule_is_an_error_that_suggests_the_rule_meant_and_lists_the_rules()
    {
        var error = ParseError("""{ "allow": [ { "path": "a", "rule": "github-tokens", "reason": "r" } ] }""");

        Assert.Contains("unknown rule \"github-tokens\". Did you mean github-token", error.Message, StringComparison.Ordinal);
        Assert.Contains("azure-storage-account-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sha256_that_is_not_64_hex_digits_is_an_error_that_does_not_repeat_it()
    {
        var secret = FakeSecrets.For("github-token");

        var error = ParseError($$"""{ "allow": [ { "sha256": "{{secret.Value}}", "reason": "r" } ] }""");

        Assert.Equal(".nuke/secrets-allowlist.json:1: \"sha256\" must be 64 hex digits, the SHA-256 of the value as a finding's message shows it.", error.Message);
    }

    [Fact]
    public void A_value_that_is_not_a_string_is_an_error()
    {
        var error = ParseError("""{ "allow": [ { "path": ["a"], "reason": "r" } ] }""");

        Assert.Equal(".nuke/secrets-allowlist.json:1: \"path\" must be a string.", error.Message);
    }

    [Theory]
    [InlineData("fixtures/", "fixtures/a/b.txt", true)]
    [InlineData("fixtures/", "src/fixtures/a.txt", false)]
    [InlineData("**/fixtures/**", "src/fixtures/a.txt", true)]
    [InlineData("*.pem", "key.pem", true)]
    [InlineData("*.pem", "certs/key.pem", false)]
    [InlineData("**/*.pem", "certs/key.pem", true)]
    [InlineData("**/*.pem", "key.pem", true)]
    [InlineData("docs/?.md", "docs/a.md", true)]
    [InlineData("docs/?.md", "docs/ab.md", false)]
    [InlineData("Docs/a.md", "docs/a.md", false)]
    public void A_path_glob_matches_repository_relative_paths(string glob, string path, bool matches)
    {
        Assert.Equal(matches, new PathGlob(glob).IsMatch(path));
    }
}
