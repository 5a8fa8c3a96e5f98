using Kiln;
using Kiln.Components;

/// <summary>
/// The repository's build: the standard targets of Kiln.Components, composed. <c>./build.sh</c> runs Test;
/// <c>./build.sh --help</c> lists every target and parameter; <c>./build.sh --plan Pack</c> shows what Pack runs.
/// To change what a component does, implement one of its members here: it replaces that member and keeps the rest.
/// </summary>
partial class Build : KilnBuild, IRestore, IHazGitVersion, ICompile, IReportCoverage, IScan, IPack, IPublish
{
    public static int Main() => Execute<Build>(x => x.From<ITest>().Test);
//#if (solution != "")

    /// <summary>The solution Restore, Compile, Pack and Scan work on.</summary>
    public AbsolutePath Solution => RootDirectory / "KILN_SOLUTION_PATH";
//#endif

    /// <summary>Package licenses Scan accepts beyond MIT, Apache-2.0 and BSD, each with the reason.</summary>
    public IReadOnlyDictionary<string, string> LicenseExceptions { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["xunit.abstractions"] = "Apache-2.0: its nuspec names only a licenseUrl, xunit's license.txt; a test-only dependency of xunit 2.",
    };
}
