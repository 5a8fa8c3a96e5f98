using Kiln.Azure.Authentication;

namespace Kiln.UnitTests.Azure;

public class DevelopmentStorageAccountTests
{
    [Fact]
    public void Development_account_blob_endpoint_is_path_style_on_the_host_and_port()
    {
        Assert.Equal(new Uri("http://127.0.0.1:41234/devstoreaccount1"), DevelopmentStorageAccount.BlobEndpoint("127.0.0.1", 41234));
    }

    [Fact]
    public void Development_account_connection_string_has_the_documented_account_key_and_the_blob_endpoint_only()
    {
        var connectionString = DevelopmentStorageAccount.ConnectionString(new Uri("http://127.0.0.1:41234/devstoreaccount1"));

        Assert.Equal(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "BlobEndpoint=http://127.0.0.1:41234/devstoreaccount1;",
            connectionString);
    }

    [Fact]
    public void Development_account_key_is_a_64_byte_base64_key()
    {
        Assert.Equal(64, Convert.FromBase64String(DevelopmentStorageAccount.Key).Length);
    }
}
