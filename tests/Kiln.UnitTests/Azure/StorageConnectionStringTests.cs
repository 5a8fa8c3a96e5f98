using Kiln.Azure;
using Kiln.Azure.Authentication;

namespace Kiln.UnitTests.Azure;

public sealed class StorageConnectionStringTests
{
    private const string Key = SharedKeySignatureTests.DevelopmentKey;

    [Fact]
    public void An_account_name_and_key_give_the_https_endpoint_in_the_public_cloud()
    {
        var parsed = StorageConnectionString.Parse($"DefaultEndpointsProtocol=https;AccountName=kilnreleases;AccountKey={Key};EndpointSuffix=core.windows.net");

        Assert.Equal(new Uri("https://kilnreleases.blob.core.windows.net"), parsed.BlobEndpoint);
        Assert.Equal("kilnreleases", parsed.SharedKey!.AccountName);
        Assert.Null(parsed.Sas);
    }

    [Fact]
    public void The_protocol_and_endpoint_suffix_name_another_cloud()
    {
        var parsed = StorageConnectionString.Parse($"AccountName=kiln;AccountKey={Key};DefaultEndpointsProtocol=https;EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://kiln.blob.core.chinacloudapi.cn"), parsed.BlobEndpoint);
    }

    [Theory]
    [InlineData("AccountName=kiln;AccountKey={0};DefaultEndpointsProtocol=http")]
    [InlineData("AccountName=kiln;AccountKey={0};BlobEndpoint=http://storage.example.com/kiln")]
    [InlineData("SharedAccessSignature=sv=2024-11-04&sig=abc;BlobEndpoint=http://10.1.2.3:10000/kiln")]
    public void An_http_endpoint_on_another_machine_is_refused(string connectionString)
    {
        var refusal = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(string.Format(System.Globalization.CultureInfo.InvariantCulture, connectionString, Key)));

        Assert.Contains("use https", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1")]
    [InlineData("http://localhost:10000/devstoreaccount1")]
    [InlineData("http://[::1]:10000/devstoreaccount1")]
    public void An_http_endpoint_on_this_machine_is_taken_for_an_emulator(string endpoint)
    {
        var parsed = StorageConnectionString.Parse($"AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint={endpoint}");

        Assert.Equal(new Uri(endpoint), parsed.BlobEndpoint);
    }

    [Fact]
    public void A_BlobEndpoint_is_used_as_given_for_a_path_style_emulator()
    {
        var parsed = StorageConnectionString.Parse($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:41234/devstoreaccount1/;");

        Assert.Equal(new Uri("http://127.0.0.1:41234/devstoreaccount1"), parsed.BlobEndpoint);
        Assert.Equal("devstoreaccount1", parsed.SharedKey!.AccountName);
    }

    [Fact]
    public void UseDevelopmentStorage_means_Azurites_published_account_on_127_0_0_1_port_10000()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), parsed.BlobEndpoint);
        Assert.Equal("devstoreaccount1", parsed.SharedKey!.AccountName);
        Assert.Equal(
            SharedKeySignatureTests.Sign(Key, "x"),
            parsed.SharedKey.ComputeHmacSha256("x"));
    }

    [Fact]
    public void A_SharedAccessSignature_with_a_BlobEndpoint_gives_a_SAS_credential_without_its_question_mark()
    {
        var parsed = StorageConnectionString.Parse("BlobEndpoint=https://kiln.blob.core.windows.net;SharedAccessSignature=?sv=2025-01-05&sp=r&sig=abc");

        Assert.Equal("sv=2025-01-05&sp=r&sig=abc", parsed.Sas!.Signature);
        Assert.Null(parsed.SharedKey);
    }

    [Fact]
    public void Setting_names_are_matched_without_regard_to_case()
    {
        var parsed = StorageConnectionString.Parse($"accountname=kiln;ACCOUNTKEY={Key}");

        Assert.Equal("kiln", parsed.SharedKey!.AccountName);
    }

    [Theory]
    [InlineData("AccountName=kiln", "AccountKey")]
    [InlineData("AccountKey=" + Key, "AccountName")]
    [InlineData("DefaultEndpointsProtocol=https;EndpointSuffix=core.windows.net", "AccountKey")]
    [InlineData("SharedAccessSignature=sv=1&sig=c2VjcmV0", "BlobEndpoint")]
    public void A_missing_setting_is_named_in_the_error(string connectionString, string missing)
    {
        var error = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_is_not_base64_is_named_but_not_echoed()
    {
        const string broken = "not*base64*secret";

        var error = Assert.Throws<FormatException>(() => StorageConnectionString.Parse($"AccountName=kiln;AccountKey={broken}"));

        Assert.Contains("AccountKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(broken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_without_a_name_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<FormatException>(() => StorageConnectionString.Parse("AccountName=kiln;c2VjcmV0a2V5"));

        Assert.Contains("setting 2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0a2V5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_pasted_without_its_name_is_reported_as_a_missing_AccountKey_and_not_echoed()
    {
        var error = Assert.Throws<FormatException>(() => StorageConnectionString.Parse($"AccountName=kiln;{Key}"));

        Assert.Contains("AccountKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key.TrimEnd('='), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_a_key_and_a_SAS_are_refused_as_ambiguous()
    {
        var error = Assert.Throws<FormatException>(() => StorageConnectionString.Parse($"AccountName=kiln;AccountKey={Key};SharedAccessSignature=sv=1&sig=c2VjcmV0"));

        Assert.Contains("both AccountKey and SharedAccessSignature", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseDevelopmentStorage_other_than_true_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => StorageConnectionString.Parse("UseDevelopmentStorage=false"));

        Assert.Contains("UseDevelopmentStorage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_service_client_from_a_connection_string_names_the_account_and_endpoint()
    {
        var client = new BlobServiceClient($"AccountName=kiln;AccountKey={Key}");

        Assert.Equal("kiln", client.AccountName);
        Assert.Equal(new Uri("https://kiln.blob.core.windows.net/releases/app/1.0.0/app%20x.zip"), client.GetBlobContainerClient("releases").GetBlobClient("app/1.0.0/app x.zip").Uri);
    }
}
