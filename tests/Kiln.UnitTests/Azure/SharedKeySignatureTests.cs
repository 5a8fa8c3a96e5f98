using System.Security.Cryptography;
using System.Text;
using Kiln.Azure;
using Kiln.Azure.Authentication;

namespace Kiln.UnitTests.Azure;

/// <summary>The string SharedKey signs, checked against Microsoft's "Authorize with Shared Key" rules for the Blob service.</summary>
public sealed class SharedKeySignatureTests
{
    internal const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly KeyValuePair<string, string>[] PutBlobHeaders =
    [
        new("x-ms-version", "2025-11-05"),
        new("Content-Type", "text/plain; charset=UTF-8"),
        new("x-ms-meta-m2", "v2"),
        new("X-MS-Date", "Sun, 20 Sep 2009 20:36:40 GMT"),
        new("x-ms-blob-type", "BlockBlob"),
        new("x-ms-meta-m1", "v1"),
        new("Content-Length", "11"),
        new("User-Agent", "kiln-tests"),
    ];

    [Fact]
    public void The_string_to_sign_of_a_Put_Blob_has_the_verb_the_eleven_standard_headers_then_the_x_ms_headers_and_the_resource()
    {
        var stringToSign = SharedKeySignature.StringToSign("PUT", new Uri("https://myaccount.blob.core.windows.net/mycontainer/hello.txt"), PutBlobHeaders, null, "myaccount");

        var lines = stringToSign.Split('\n');
        Assert.Equal("PUT", lines[0]);
        Assert.Equal(string.Empty, lines[1]); // Content-Encoding
        Assert.Equal(string.Empty, lines[2]); // Content-Language
        Assert.Equal("11", lines[3]); // Content-Length
        Assert.Equal(string.Empty, lines[4]); // Content-MD5
        Assert.Equal("text/plain; charset=UTF-8", lines[5]); // Content-Type
        Assert.Equal(string.Empty, lines[6]); // Date (x-ms-date is used instead)
        Assert.Equal(string.Empty, lines[7]); // If-Modified-Since
        Assert.Equal(string.Empty, lines[8]); // If-Match
        Assert.Equal(string.Empty, lines[9]); // If-None-Match
        Assert.Equal(string.Empty, lines[10]); // If-Unmodified-Since
        Assert.Equal(string.Empty, lines[11]); // Range
        Assert.Equal("x-ms-blob-type:BlockBlob", lines[12]);
        Assert.Equal("x-ms-date:Sun, 20 Sep 2009 20:36:40 GMT", lines[13]);
        Assert.Equal("x-ms-meta-m1:v1", lines[14]);
        Assert.Equal("x-ms-meta-m2:v2", lines[15]);
        Assert.Equal("x-ms-version:2025-11-05", lines[16]);
        Assert.Equal("/myaccount/mycontainer/hello.txt", lines[17]);
        Assert.Equal(18, lines.Length);
    }

    [Fact]
    public void The_signature_is_the_base64_HMAC_SHA256_of_the_string_to_sign_under_the_decoded_key()
    {
        var stringToSign = SharedKeySignature.StringToSign("PUT", new Uri("https://myaccount.blob.core.windows.net/mycontainer/hello.txt"), PutBlobHeaders, null, "myaccount");

        var signature = new StorageSharedKeyCredential("myaccount", DevelopmentKey).ComputeHmacSha256(stringToSign);

        // Computed independently with: printf '%s' "$stringToSign" | openssl dgst -sha256 -mac HMAC -macopt hexkey:<key as hex> -binary | base64
        Assert.Equal("6xxCa48bSYOfFP8plhSKNX8tmhvKy3KCwF+YGrdrYzI=", signature);
    }

    [Fact]
    public void Canonicalized_headers_are_the_x_ms_headers_lower_cased_sorted_and_trimmed_and_nothing_else()
    {
        KeyValuePair<string, string>[] headers =
        [
            new("x-ms-Version", " 2025-11-05 "),
            new("Content-Type", "text/plain"),
            new("X-MS-META-Zeta", "z"),
            new("x-ms-meta-alpha", "a"),
            new("x-ms-client-request-id", "abc"),
            new("Authorization", "SharedKey x:y"),
        ];

        var canonical = SharedKeySignature.CanonicalizedHeaders(headers);

        Assert.Equal("x-ms-client-request-id:abc\nx-ms-meta-alpha:a\nx-ms-meta-zeta:z\nx-ms-version:2025-11-05\n", canonical);
    }

    [Fact]
    public void Header_names_sort_as_the_service_sorts_them_underscore_before_digits_before_letters()
    {
        KeyValuePair<string, string>[] headers = [new("x-ms-meta-ab", "3"), new("x-ms-meta-a1", "2"), new("x-ms-meta-a_b", "1")];

        var canonical = SharedKeySignature.CanonicalizedHeaders(headers);

        Assert.Equal("x-ms-meta-a_b:1\nx-ms-meta-a1:2\nx-ms-meta-ab:3\n", canonical);
    }

    [Fact]
    public void Hyphens_in_header_names_count_only_between_names_that_are_otherwise_equal()
    {
        // Ordinally '-' sorts before every letter, so x-ms-meta-a-c would come first; the service skips it.
        Assert.True(SharedKeyHeaderOrder.Instance.Compare("x-ms-meta-ab", "x-ms-meta-a-c") < 0);
        Assert.True(SharedKeyHeaderOrder.Instance.Compare("x-ms-meta-ab", "x-ms-meta-a-b") < 0);
        Assert.True(SharedKeyHeaderOrder.Instance.Compare("x-ms-range", "x-ms-range-get-content-md5") < 0);
        Assert.Equal(0, SharedKeyHeaderOrder.Instance.Compare("x-ms-version", "x-ms-version"));
    }

    [Fact]
    public void Canonicalized_resource_has_query_parameters_decoded_lower_cased_sorted_and_repeated_values_sorted_and_joined()
    {
        // Microsoft's example: GET .../mycontainer?restype=container&comp=list&include=snapshots&include=metadata&include=uncommittedblobs
        var uri = new Uri("https://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=list&include=snapshots&include=metadata&include=uncommittedblobs&Prefix=a%2Fb%20c");

        var resource = SharedKeySignature.CanonicalizedResource(uri, "myaccount");

        Assert.Equal("/myaccount/mycontainer\ncomp:list\ninclude:metadata,snapshots,uncommittedblobs\nprefix:a/b c\nrestype:container", resource);
    }

    [Fact]
    public void Canonicalized_resource_of_a_path_style_Azurite_url_repeats_the_account_name()
    {
        var uri = new Uri("http://127.0.0.1:10000/devstoreaccount1/releases/app/1.0.0/app.zip");

        var resource = SharedKeySignature.CanonicalizedResource(uri, "devstoreaccount1");

        Assert.Equal("/devstoreaccount1/devstoreaccount1/releases/app/1.0.0/app.zip", resource);
    }

    [Fact]
    public void Canonicalized_resource_keeps_the_path_encoded_as_it_goes_on_the_wire()
    {
        var uri = new Uri("https://myaccount.blob.core.windows.net/c/hello%20world.txt?comp=block&blockid=YWJj%3D");

        var resource = SharedKeySignature.CanonicalizedResource(uri, "myaccount");

        Assert.Equal("/myaccount/c/hello%20world.txt\nblockid:YWJj=\ncomp:block", resource);
    }

    [Theory]
    [InlineData("0", null)]
    [InlineData(null, 0L)]
    [InlineData(null, null)]
    public void Content_Length_is_signed_as_empty_when_it_is_zero_or_absent(string? header, long? contentLength)
    {
        var headers = header is null ? [] : new[] { new KeyValuePair<string, string>("Content-Length", header) };

        var lines = SharedKeySignature.StringToSign("PUT", new Uri("https://a.blob.core.windows.net/c?restype=container"), headers, contentLength, "a").Split('\n');

        Assert.Equal(string.Empty, lines[3]);
    }

    [Fact]
    public void Content_Length_comes_from_the_body_when_the_transport_sets_the_header_itself()
    {
        var lines = SharedKeySignature.StringToSign("PUT", new Uri("https://a.blob.core.windows.net/c/b"), [], 4096, "a").Split('\n');

        Assert.Equal("4096", lines[3]);
    }

    [Fact]
    public void Conditional_headers_and_range_are_signed_in_their_places()
    {
        KeyValuePair<string, string>[] headers =
        [
            new("If-Match", "\"0x8D\""),
            new("If-None-Match", "*"),
            new("If-Modified-Since", "Mon, 01 Jan 2024 00:00:00 GMT"),
            new("If-Unmodified-Since", "Tue, 02 Jan 2024 00:00:00 GMT"),
            new("Range", "bytes=0-9"),
        ];

        var lines = SharedKeySignature.StringToSign("GET", new Uri("https://a.blob.core.windows.net/c/b"), headers, null, "a").Split('\n');

        Assert.Equal(["Mon, 01 Jan 2024 00:00:00 GMT", "\"0x8D\"", "*", "Tue, 02 Jan 2024 00:00:00 GMT", "bytes=0-9"], lines[7..12]);
    }

    internal static string Sign(string key, string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(key), Encoding.UTF8.GetBytes(stringToSign)));
}
