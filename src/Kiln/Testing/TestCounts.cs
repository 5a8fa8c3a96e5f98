using System.Globalization;
using System.Xml.Linq;

namespace Kiln.Testing;

/// <summary>Passed, failed and skipped test counts, read from TRX result files and added across runs.</summary>
public sealed record TestCounts(int Passed, int Failed, int Skipped)
{
    /// <summary>No tests.</summary>
    public static TestCounts None { get; } = new(0, 0, 0);

    /// <summary>Reads the counters of a TRX file (the ResultSummary that dotnet test writes).</summary>
    public static TestCounts FromTrx(string path)
    {
        XNamespace trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var counters = XDocument.Load(path).Root?.Element(trx + "ResultSummary")?.Element(trx + "Counters")
            ?? throw new KilnException($"{path} is not a TRX file with a ResultSummary: delete it and run the tests again.");
        int Read(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0", CultureInfo.InvariantCulture);
        // dotnet test's logger counts a skipped test in total but not in executed, and may leave notExecuted at zero.
        var skipped = counters.Attribute("executed") is null ? Read("notExecuted") : Math.Max(Read("notExecuted"), Read("total") - Read("executed"));
        return new TestCounts(Read("passed"), Read("failed") + Read("error") + Read("timeout") + Read("aborted"), skipped);
    }

    /// <summary>Adds two counts.</summary>
    public static TestCounts operator +(TestCounts left, TestCounts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Passed + right.Passed, left.Failed + right.Failed, left.Skipped + right.Skipped);
    }

    /// <summary>Adds two counts.</summary>
    public static TestCounts Add(TestCounts left, TestCounts right) => left + right;

    /// <summary>"N passed, N failed, N skipped".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Passed} passed, {Failed} failed, {Skipped} skipped");
}
