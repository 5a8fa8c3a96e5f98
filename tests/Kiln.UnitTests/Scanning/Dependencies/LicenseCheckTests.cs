using Kiln.Scanning;
using Kiln.Scanning.Dependencies;

namespace Kiln.UnitTests.Scanning.Dependencies;

public sealed class LicenseCheckTests : IDisposable
{
    private readonly RestoredSolution solution = new();

    public void Dispose() => solution.Dispose();

    [Fact]
    public void Packages_with_allowed_licenses_make_no_findings()
    {
        solution.Package("A", "1.0.0").Package("B", "1.0.0", """<license type="expression">MIT OR GPL-3.0-only</license>""").Project("App", ["A", "B"]);

        Assert.Empty(LicenseCheck.Run(solution.Read()));
    }

    [Fact]
    public void A_license_off_the_allow_list_is_a_finding_on_the_project_that_uses_it()
    {
        solution.Package("Copyleft", "2.0.0", """<license type="expression">GPL-3.0-only</license>""").Project("App", ["Copyleft"]);

        var finding = Assert.Single(LicenseCheck.Run(solution.Read()));

        Assert.Equal(new ScanFinding(
            ScanCategory.Licenses,
            LicenseCheck.NotAllowedRule,
            "Copyleft 2.0.0 (used by src/App/App.csproj) is licensed under GPL-3.0-only, which the allow list (MIT, Apache-2.0, BSD-2-Clause, BSD-3-Clause) does not allow: replace the package, or add a license exception for Copyleft with the reason it is accepted.",
            "src/App/App.csproj"), finding);
    }

    [Fact]
    public void An_unknown_license_url_is_a_finding_that_says_to_add_an_exception()
    {
        solution.Package("Old", "1.0.0", "<licenseUrl>https://example.com/my-license.html</licenseUrl>").Project("App", ["Old"]);

        var finding = Assert.Single(LicenseCheck.Run(solution.Read()));

        Assert.Equal(LicenseCheck.UnknownRule, finding.RuleId);
        Assert.Equal(
            "Old 1.0.0 (used by src/App/App.csproj) has an unknown license (licenseUrl https://example.com/my-license.html): check it by hand and add a license exception for Old with the reason.",
            finding.Message);
    }

    [Fact]
    public void A_well_known_license_url_is_judged_like_its_expression()
    {
        solution
            .Package("Apache", "1.0.0", "<licenseUrl>http://www.apache.org/licenses/LICENSE-2.0</licenseUrl>")
            .Package("Gpl", "1.0.0", "<licenseUrl>https://www.gnu.org/licenses/gpl-3.0.html</licenseUrl>")
            .Project("App", ["Apache", "Gpl"]);

        var finding = Assert.Single(LicenseCheck.Run(solution.Read()));

        Assert.Equal(LicenseCheck.NotAllowedRule, finding.RuleId);
        Assert.Contains("Gpl 1.0.0 (used by src/App/App.csproj) is licensed under GPL-3.0-only (from its licenseUrl https://www.gnu.org/licenses/gpl-3.0.html)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_license_file_is_an_unknown_license()
    {
        solution.Package("Custom", "1.0.0", """<license type="file">LICENSE.txt</license>""").Project("App", ["Custom"]);

        var finding = Assert.Single(LicenseCheck.Run(solution.Read()));

        Assert.Equal(LicenseCheck.UnknownRule, finding.RuleId);
        Assert.Contains("(license file LICENSE.txt in the package)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_accepts_the_package_whatever_its_license()
    {
        solution.Package("Copyleft", "2.0.0", """<license type="expression">GPL-3.0-only</license>""").Project("App", ["Copyleft"]);
        var policy = new LicensePolicy { Exceptions = new Dictionary<string, string> { ["copyleft"] = "Used by the build only, never shipped." } };

        Assert.Empty(LicenseCheck.Run(solution.Read(), policy));
    }

    [Fact]
    public void An_exception_without_a_reason_is_refused()
    {
        solution.Package("A", "1.0.0").Project("App", ["A"]);
        var policy = new LicensePolicy { Exceptions = new Dictionary<string, string> { ["A"] = " " } };

        var exception = Assert.Throws<KilnException>(() => LicenseCheck.Run(solution.Read(), policy));

        Assert.Contains("The license exception for A has no reason", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_allow_list_is_the_build_s_to_set()
    {
        solution.Package("A", "1.0.0").Package("Lgpl", "1.0.0", """<license type="expression">LGPL-2.1-only</license>""").Project("App", ["A", "Lgpl"]);

        var findings = LicenseCheck.Run(solution.Read(), new LicensePolicy { Allowed = ["LGPL-2.1-only"] });

        Assert.Equal(["A 1.0.0"], findings.Select(finding => finding.Message.Split(" (")[0]));
    }
}
