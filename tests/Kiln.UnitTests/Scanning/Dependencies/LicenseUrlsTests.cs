using Kiln.Scanning.Dependencies;

namespace Kiln.UnitTests.Scanning.Dependencies;

public sealed class LicenseUrlsTests
{
    [Theory]
    [InlineData("https://licenses.nuget.org/MIT", "MIT")]
    [InlineData("https://licenses.nuget.org/MIT%20OR%20Apache-2.0", "MIT OR Apache-2.0")]
    [InlineData("https://opensource.org/licenses/MIT", "MIT")]
    [InlineData("http://www.opensource.org/licenses/mit-license.php", "MIT")]
    [InlineData("https://opensource.org/licenses/BSD-3-Clause", "BSD-3-Clause")]
    [InlineData("http://www.apache.org/licenses/LICENSE-2.0", "Apache-2.0")]
    [InlineData("https://www.apache.org/licenses/LICENSE-2.0.txt", "Apache-2.0")]
    [InlineData("https://github.com/dotnet/corefx/blob/master/LICENSE.TXT", "MIT")]
    public void Well_known_license_urls_map_to_spdx_expressions(string url, string expression) =>
        Assert.Equal(expression, LicenseUrls.ToExpression(url));

    [Theory]
    [InlineData("https://raw.githubusercontent.com/xunit/xunit/master/license.txt")]
    [InlineData("http://go.microsoft.com/fwlink/?LinkId=329770")]
    [InlineData("not a url")]
    public void Other_urls_map_to_no_license(string url) =>
        Assert.Null(LicenseUrls.ToExpression(url));
}
