namespace Kiln.Tooling;

/// <summary>Which test platform <c>dotnet test</c> runs: each takes its own switches.</summary>
public enum TestPlatform
{
    /// <summary>VSTest, dotnet test's default: <c>--logger</c>, <c>--collect</c>, <c>--blame-hang-timeout</c>.</summary>
    VSTest,

    /// <summary>
    /// Microsoft.Testing.Platform, chosen in global.json (<c>"test": {"runner": "Microsoft.Testing.Platform"}</c>): the
    /// switches of the extensions the test project references (<c>--report-trx</c>, <c>--hangdump</c>, <c>--coverage</c>).
    /// </summary>
    MicrosoftTestingPlatform,
}
