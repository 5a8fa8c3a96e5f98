namespace Kiln.Components;

/// <summary>
/// Where test projects are by the conventions .NET repositories follow, and so the tiers' default patterns: a project
/// folder right under tests/ or test/, named for its tier by its last part (Product.Tests, Product.IntegrationTests).
/// One folder deep, so that sample repositories kept inside a test project's folder are never taken for tests.
/// </summary>
internal static class TestProjectConventions
{
    private static readonly string[] Folders = ["tests", "test"];

    public static string[] UnitTests { get; } = Patterns("Tests", "Test", "UnitTests", "UnitTest", "Specs", "Spec");

    public static string[] IntegrationTests { get; } = Patterns("IntegrationTests", "IntegrationTest", "FunctionalTests");

    public static string[] SystemTests { get; } = Patterns("SystemTests", "SystemTest", "EndToEndTests", "E2ETests", "AcceptanceTests");

    /// <summary>The patterns as a reader takes them in: the conventions in a few words, other patterns as they are.</summary>
    public static string Describe(IReadOnlyList<string> patterns)
    {
        foreach (var convention in (string[][])[UnitTests, IntegrationTests, SystemTests])
        {
            if (patterns.SequenceEqual(convention, StringComparer.Ordinal))
            {
                var names = convention.Where(pattern => pattern.StartsWith("tests/", StringComparison.Ordinal)).Select(pattern => pattern["tests/*/".Length..^".csproj".Length]);
                return $"tests/ or test/ by convention ({string.Join(", ", names)})";
            }
        }

        return string.Join(", ", patterns);
    }

    private static string[] Patterns(params string[] lastParts) =>
        [.. Folders.SelectMany(folder => lastParts.Select(part => $"{folder}/*/*.{part}.csproj"))];
}
