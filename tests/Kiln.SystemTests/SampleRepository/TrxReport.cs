using System.Globalization;
using System.Xml.Linq;

namespace Kiln.SystemTests.SampleRepository;

/// <summary>What a TRX file written by dotnet test says: the counters of its ResultSummary and each test's outcome.</summary>
internal sealed record TrxReport(int Total, int Passed, int Failed, IReadOnlyDictionary<string, string> Outcomes)
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Reads the file; fails with a clear message when it is not a TRX report.</summary>
    public static TrxReport Load(string path)
    {
        var run = XDocument.Load(path).Root;
        var counters = run?.Element(Trx + "ResultSummary")?.Element(Trx + "Counters")
            ?? throw new Xunit.Sdk.XunitException($"{path} has no ResultSummary/Counters: it is not a TRX report.");
        int Read(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0", CultureInfo.InvariantCulture);
        var outcomes = run!.Element(Trx + "Results")?.Elements(Trx + "UnitTestResult")
            .ToDictionary(result => (string)result.Attribute("testName")!, result => (string)result.Attribute("outcome")!)
            ?? [];
        return new TrxReport(Read("total"), Read("passed"), Read("failed"), outcomes);
    }
}
