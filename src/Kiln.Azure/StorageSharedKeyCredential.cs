using System.Security.Cryptography;
using System.Text;

namespace Kiln.Azure;

/// <summary>
/// A storage account's name and one of its access keys, for SharedKey authorization (as Azure.Storage's type of the
/// same name). The key signs requests; it is never sent, printed or put into an exception message.
/// </summary>
public sealed class StorageSharedKeyCredential
{
    private byte[] accountKey;

    /// <summary>Creates the credential from the account name and its base64 access key.</summary>
    /// <exception cref="ArgumentException">The name is empty, or the key is empty or not base64 (the key is not echoed).</exception>
    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        AccountName = accountName;
        this.accountKey = DecodeKey(accountKey);
    }

    /// <summary>The storage account's name.</summary>
    public string AccountName { get; }

    /// <summary>Replaces the key, for a key rotation; requests signed afterwards use the new key.</summary>
    public void SetAccountKey(string accountKey) => Volatile.Write(ref this.accountKey, DecodeKey(accountKey));

    /// <summary>The base64 HMAC-SHA256 of the UTF-8 text under the account key: a SharedKey or SAS signature.</summary>
    internal string ComputeHmacSha256(string message) =>
        Convert.ToBase64String(HMACSHA256.HashData(Volatile.Read(ref accountKey), Encoding.UTF8.GetBytes(message)));

    /// <inheritdoc/>
    public override string ToString() => $"SharedKey credential for {AccountName}";

    private static byte[] DecodeKey(string accountKey)
    {
        if (string.IsNullOrWhiteSpace(accountKey))
        {
            throw new ArgumentException("The account key is empty: pass one of the storage account's access keys.", nameof(accountKey));
        }

        try
        {
            return Convert.FromBase64String(accountKey);
        }
        catch (FormatException)
        {
            throw new ArgumentException("The account key is not base64: copy the key as the portal or 'az storage account keys list' shows it.", nameof(accountKey));
        }
    }
}
