using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kiln.IntegrationTests.Azure;

/// <summary>
/// An account SAS for the Blob service, signed with the account key as Microsoft's "Create an account SAS" describes
/// for version 2020-12-06 and later: account, permissions, services, resource types, start, expiry, IP, protocol,
/// version and encryption scope, each followed by a newline.
/// </summary>
internal static class AccountSas
{
    public const string Version = "2025-01-05";

    public static string Create(string accountName, string accountKey, string permissions, DateTimeOffset expiresOn)
    {
        var expiry = expiresOn.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        const string Services = "b", ResourceTypes = "sco", Protocol = "https,http";
        var stringToSign = string.Join('\n', accountName, permissions, Services, ResourceTypes, string.Empty, expiry, string.Empty, Protocol, Version, string.Empty) + "\n";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(accountKey), Encoding.UTF8.GetBytes(stringToSign)));
        return $"sv={Version}&ss={Services}&srt={ResourceTypes}&sp={permissions}&se={Uri.EscapeDataString(expiry)}&spr={Uri.EscapeDataString(Protocol)}&sig={Uri.EscapeDataString(signature)}";
    }
}
