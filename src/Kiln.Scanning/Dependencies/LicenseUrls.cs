namespace Kiln.Scanning.Dependencies;

/// <summary>
/// Maps a legacy <c>&lt;licenseUrl&gt;</c> to an SPDX expression when the URL is a well-known license page: NuGet's own
/// licenses.nuget.org/{expression}, opensource.org/licenses/{id}, apache.org/licenses/LICENSE-2.0 and a few more.
/// Any other URL is a page Kiln cannot read for the user.
/// </summary>
internal static class LicenseUrls
{
    /// <summary>Well-known pages (host and path, lower case, no scheme, no www., no trailing slash or extension) and the license each states.</summary>
    private static readonly Dictionary<string, string> WellKnown = new(StringComparer.OrdinalIgnoreCase)
    {
        ["apache.org/licenses/license-2.0"] = "Apache-2.0",
        ["opensource.org/licenses/mit-license"] = "MIT",
        ["opensource.org/licenses/bsd-license"] = "BSD-2-Clause",
        ["opensource.org/licenses/bsd-3-clause"] = "BSD-3-Clause",
        ["opensource.org/licenses/bsd-2-clause"] = "BSD-2-Clause",
        ["opensource.org/licenses/apache-2.0"] = "Apache-2.0",
        ["opensource.org/licenses/mit"] = "MIT",
        ["opensource.org/licenses/ms-pl"] = "MS-PL",
        ["gnu.org/licenses/gpl-3.0"] = "GPL-3.0-only",
        ["gnu.org/licenses/gpl-2.0"] = "GPL-2.0-only",
        ["gnu.org/licenses/lgpl-3.0"] = "LGPL-3.0-only",
        ["gnu.org/licenses/lgpl-2.1"] = "LGPL-2.1-only",
        ["mozilla.org/mpl/2.0"] = "MPL-2.0",

        // The .NET Foundation's repositories that shipped legacy licenseUrls: MIT.
        ["github.com/dotnet/corefx/blob/master/license"] = "MIT",
        ["github.com/dotnet/runtime/blob/main/license"] = "MIT",
        ["github.com/dotnet/standard/blob/master/license"] = "MIT",
    };

    private static readonly string[] PageExtensions = [".php", ".html", ".htm", ".txt"];

    /// <summary>The SPDX expression the page states; null when the URL is not a well-known license page.</summary>
    public static string? ToExpression(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        var path = Uri.UnescapeDataString(uri.AbsolutePath).TrimEnd('/');
        if (string.Equals(host, "licenses.nuget.org", StringComparison.OrdinalIgnoreCase))
        {
            // NuGet writes this URL for packages with a license expression: the path is the expression itself.
            var expression = path.TrimStart('/');
            return expression.Length == 0 ? null : expression;
        }

        var extension = PageExtensions.FirstOrDefault(candidate => path.EndsWith(candidate, StringComparison.OrdinalIgnoreCase));
        if (extension is not null)
        {
            path = path[..^extension.Length];
        }

        return WellKnown.TryGetValue(host + path, out var license) ? license : null;
    }
}
