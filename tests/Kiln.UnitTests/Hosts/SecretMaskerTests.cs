using Kiln.Hosts;

namespace Kiln.UnitTests.Hosts;

public class SecretMaskerTests
{
    [Fact]
    public void SecretMasker_replaces_every_occurrence_of_a_secret()
    {
        var masker = new SecretMasker();
        masker.Add("hunter2");

        Assert.Equal("a *** b ***", masker.Apply("a hunter2 b hunter2"));
    }

    [Fact]
    public void The_account_key_of_a_connection_string_is_masked_on_its_own_too()
    {
        const string Key = "c2VjcmV0IGtleSBvZiB0aGUgYWNjb3VudA==";
        var masker = new SecretMasker();
        masker.Add($"DefaultEndpointsProtocol=https;AccountName=kiln;AccountKey={Key};EndpointSuffix=core.windows.net");

        Assert.Equal("key: ***", masker.Apply($"key: {Key}"));
        Assert.Equal("account kiln", masker.Apply("account kiln"));
    }

    [Fact]
    public void The_signature_of_a_sas_is_masked_on_its_own_as_written_and_decoded()
    {
        var masker = new SecretMasker();
        masker.Add("BlobEndpoint=https://kiln.blob.core.windows.net;SharedAccessSignature=sv=2024-11-04&ss=b&sp=rwl&sig=AbCdEf%2BgHiJkLmN%3D");

        Assert.Equal("GET https://kiln.blob.core.windows.net/c/b?sv=2024-11-04&sig=***", masker.Apply("GET https://kiln.blob.core.windows.net/c/b?sv=2024-11-04&sig=AbCdEf%2BgHiJkLmN%3D"));
        Assert.Equal("signature ***", masker.Apply("signature AbCdEf+gHiJkLmN="));
    }

    [Fact]
    public void SecretMasker_masks_the_longest_secret_first()
    {
        var masker = new SecretMasker();
        masker.Add("abc");
        masker.Add("abcdef");

        Assert.Equal("*** and ***", masker.Apply("abcdef and abc"));
        Assert.Equal(["abcdef", "abc"], masker.Secrets);
    }

    [Fact]
    public void SecretMasker_ignores_empty_and_blank_values()
    {
        var masker = new SecretMasker();
        masker.Add(null);
        masker.Add(string.Empty);
        masker.Add("  ");

        Assert.Empty(masker.Secrets);
        Assert.Equal("a  b", masker.Apply("a  b"));
    }

    [Fact]
    public void SecretMasker_keeps_each_secret_once()
    {
        var masker = new SecretMasker();
        masker.Add("token");
        masker.Add("token");

        Assert.Equal(["token"], masker.Secrets);
    }

    [Fact]
    public void SecretMasker_is_case_sensitive()
    {
        var masker = new SecretMasker();
        masker.Add("Token");

        Assert.Equal("token ***", masker.Apply("token Token"));
    }
}
