using System.Globalization;
using System.Text.RegularExpressions;
using Kiln.Tooling;

namespace Kiln.Testing;

/// <summary>
/// Counts the tests <c>dotnet test</c> reports one line each: VSTest's console logger at normal verbosity
/// ("  Passed Name [12 ms]") and Microsoft.Testing.Platform with <c>--output detailed</c> ("passed Name (12ms)").
/// Neither says up front how many tests there are, so the total is the count of a previous run, labelled "about".
/// VSTest's lines for passed tests are not printed below verbose output: the TRX lists them, and a thousand lines
/// would bury the failures.
/// </summary>
internal sealed partial class TestProgress(int? expected) : ToolProgress
{
    private int done;

    /// <summary>How many tests a previous run counted, if known.</summary>
    public int? Expected { get; } = expected;

    public int Done => Volatile.Read(ref done);

    /// <summary>
    /// True when the command prints a line for every test, so that counting lines counts tests: a console logger at
    /// normal verbosity or more (VSTest), or <c>--output detailed</c> (Microsoft.Testing.Platform). At their defaults
    /// both print failed and skipped tests only, which would count a few of many.
    /// </summary>
    public static bool CountsEveryTest(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        for (var i = 0; i + 1 < arguments.Count; i++)
        {
            var value = arguments[i + 1];
            if ((arguments[i] is "--logger" or "-l" && ConsoleLoggerListsTests().IsMatch(value))
                || (arguments[i] == "--output" && value.Equals("detailed", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    public override bool Observe(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var result = TestResultLine().Match(line);
        if (!result.Success)
        {
            return true;
        }

        Interlocked.Increment(ref done);
        return result.Groups["outcome"].Value != "Passed";
    }

    /// <summary>"running 312 of about 1071"; "312 done" without a total or past it; null before the first test.</summary>
    public override string? Describe()
    {
        var count = Done;
        return Expected is { } total && count <= total
            ? string.Create(CultureInfo.InvariantCulture, $"running {count} of about {total}")
            : count == 0 ? null
            : string.Create(CultureInfo.InvariantCulture, $"{count} done");
    }

    // VSTest: two spaces, the outcome capitalised, the name, the duration in brackets. The platform: the outcome in
    // lower case at the start of the line, the name, and the duration in parentheses (none for a skipped test).
    [GeneratedRegex(@"^(?:  (?<outcome>Passed|Failed|Skipped) \S.* \[[^\]]*\]|(?<outcome>passed|failed|skipped) \S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex TestResultLine();

    [GeneratedRegex(@"^console\b.*\bverbosity=(?:n|normal|d|detailed|diag|diagnostic)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConsoleLoggerListsTests();
}
