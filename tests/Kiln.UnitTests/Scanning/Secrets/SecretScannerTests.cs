using System.Security.Cryptography;
using System.Text;
using Kiln.Scanning;
using Kiln.Scanning.Secrets;

namespace Kiln.UnitTests.Scanning.Secrets;

public sealed class SecretScannerTests
{
    private static readonly SecretScanner Scanner = new(new SecretScannerOptions { AllowList = SecretAllowList.Parse(Decoys.AzuriteAllowList(), "allowlist.json") });

    [Theory]
    [MemberData(nameof(FakeSecrets.Rules), MemberType = typeof(FakeSecrets))]
    public void Each_rule_finds_its_generated_secret_at_the_line_and_column_where_the_value_starts(string ruleId)
    {
        var secret = FakeSecrets.For(ruleId);

        var findings = Scanner.Scan("config/settings.txt", $"first line\n\n  {secret.Text}\nlast line\n");

        var finding = Assert.Single(findings);
        Assert.Equal(new ScanFinding(ScanCategory.Secrets, ruleId, finding.Message, "config/settings.txt", 3, 3 + secret.Offset), finding);
    }

    [Fact]
    public void Every_rule_of_the_scanner_has_a_generated_secret_in_the_corpus()
    {
        Assert.Equal(SecretScanner.Rules.Select(rule => rule.Id).Order(), FakeSecrets.RuleIds.Order());
    }

    [Theory]
    [MemberData(nameof(Decoys.Cases), MemberType = typeof(Decoys))]
    public void A_decoy_is_not_reported(string decoy)
    {
        Assert.Empty(Scanner.Scan("src/decoys.txt", Decoys.Get(decoy) + "\n"));
    }

    [Fact]
    public void A_corpus_of_every_rule_among_every_decoy_reports_each_secret_once_at_its_place_and_no_decoy()
    {
        var text = new StringBuilder();
        var expected = new List<(string Rule, int Line, int Column)>();
        var line = 1;
        var decoys = Decoys.Names.ToList();
        for (var index = 0; index < Math.Max(decoys.Count, FakeSecrets.RuleIds.Count * 3); index++)
        {
            text.Append(Decoys.Get(decoys[index % decoys.Count])).Append('\n');
            line++;
            var secret = FakeSecrets.For(FakeSecrets.RuleIds[index % FakeSecrets.RuleIds.Count], seed: index);
            text.Append("    ").Append(secret.Text).Append('\n');
            expected.Add((secret.RuleId, line, 5 + secret.Offset));
            line += secret.Text.Count(character => character == '\n') + 1;
        }

        var findings = Scanner.Scan("corpus.txt", text.ToString());

        Assert.Equal(expected, findings.Select(finding => (finding.RuleId, finding.Line!.Value, finding.Column!.Value)));
    }

    [Theory]
    [MemberData(nameof(FakeSecrets.Rules), MemberType = typeof(FakeSecrets))]
    public void No_part_of_a_secret_beyond_its_published_prefix_appears_in_a_finding(string ruleId)
    {
        var secret = FakeSecrets.For(ruleId);
        var prefixLength = ruleId switch
        {
            "github-token" or "aws-access-key-id" => 4,
            "github-fine-grained-token" => 11,
            "nuget-api-key" => 3,
            _ => 0,
        };

        var finding = Assert.Single(Scanner.Scan("a.txt", secret.Text));

        foreach (var text in new[] { finding.Message, finding.ToString() })
        {
            Assert.DoesNotContain(secret.Value, text, StringComparison.Ordinal);
            for (var start = prefixLength; start + 6 <= secret.Value.Length; start++)
            {
                Assert.DoesNotContain(secret.Value.Substring(start, 6), text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_finding_message_names_the_rule_the_published_prefix_the_length_and_the_sha256_of_the_value()
    {
        var secret = FakeSecrets.For("github-token");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret.Value)));

        var finding = Assert.Single(Scanner.Scan("a.txt", secret.Text));

        Assert.StartsWith($"GitHub token (classic) {secret.Value[..4]}… (40 chars, sha256 {sha256})", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_of_a_rule_without_a_published_prefix_shows_only_the_length()
    {
        var secret = FakeSecrets.For("azure-storage-account-key");

        var finding = Assert.Single(Scanner.Scan("a.txt", secret.Text));

        Assert.StartsWith("Azure Storage account key … (88 chars, sha256 ", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_message_says_how_to_allow_list_a_false_positive()
    {
        var finding = Assert.Single(Scanner.Scan("a.txt", FakeSecrets.For("nuget-api-key").Text));

        Assert.EndsWith("if it is not a secret, allow-list that sha256 in .nuke/secrets-allowlist.json with a reason.", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_two_rules_match_is_reported_once_by_the_more_specific_rule()
    {
        var token = FakeSecrets.For("github-token").Value;

        var finding = Assert.Single(Scanner.Scan("a.txt", $"client_secret = \"{token}\""));

        Assert.Equal("github-token", finding.RuleId);
    }

    [Fact]
    public void A_secret_name_with_a_high_entropy_value_is_found_in_yaml_xml_and_nuget_config_forms()
    {
        var value = FakeSecrets.For("generic-secret").Value.Replace('&', '!').Replace('<', '!');
        string[] forms = [$"password: {value}", $"<Password>{value}</Password>", $"<add key=\"ClearTextPassword\" value=\"{value}\" />", $"$apiKey = '{value}'"];

        var findings = forms.Select(form => Scanner.Scan("a.txt", form)).ToList();

        Assert.All(findings, found => Assert.Equal("generic-secret", Assert.Single(found).RuleId));
    }

    [Theory]
    [InlineData("AWS_SECRET_ACCESS_KEY={0}")]
    [InlineData("  \"SecretAccessKey\": \"{0}\",")]
    [InlineData("awsSecretKey = \"{0}\";")]
    [InlineData("aws-secret-access-key: {0}")]
    public void An_AWS_secret_access_key_is_found_under_the_names_it_usually_has(string form)
    {
        var value = FakeSecrets.For("aws-secret-access-key").Value;

        var finding = Assert.Single(Scanner.Scan("a.txt", string.Format(System.Globalization.CultureInfo.InvariantCulture, form, value)));

        Assert.Equal("aws-secret-access-key", finding.RuleId);
    }

    [Fact]
    public void Lines_of_a_CRLF_file_are_counted_as_in_an_LF_file()
    {
        var secret = FakeSecrets.For("nuget-api-key");

        var finding = Assert.Single(Scanner.Scan("a.txt", $"one\r\ntwo\r\n{secret.Text}\r\n"));

        Assert.Equal((3, secret.Offset + 1), (finding.Line, finding.Column));
    }

    [Fact]
    public void A_sas_signature_without_a_storage_service_version_is_not_reported()
    {
        var sas = FakeSecrets.For("azure-sas-token");

        Assert.Empty(Scanner.Scan("a.txt", sas.Text.Replace("sv=2022-11-02&", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_sas_signature_before_the_service_version_is_found()
    {
        var sas = FakeSecrets.For("azure-sas-token");

        var finding = Assert.Single(Scanner.Scan("a.txt", $"?sig={sas.Value}&sv=2022-11-02&sp=r"));

        Assert.Equal(("azure-sas-token", 6), (finding.RuleId, finding.Column));
    }

    [Fact]
    public void The_rule_catalog_has_unique_ids_titles_and_descriptions()
    {
        Assert.Equal(SecretScanner.Rules.Count, SecretScanner.Rules.Select(rule => rule.Id).Distinct().Count());
        Assert.All(SecretScanner.Rules, rule => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", rule.Id));
        Assert.All(SecretScanner.Rules, rule => Assert.False(string.IsNullOrWhiteSpace(rule.Title + rule.Description)));
    }
}
