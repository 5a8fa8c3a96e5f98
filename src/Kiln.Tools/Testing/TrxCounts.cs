using System.Globalization;
using System.Xml.Linq;

namespace Kiln.Testing;

/// <summary>Reads <see cref="TestCounts"/> from TRX files; the engine records counts, this package reads test results.</summary>
public static class TrxCounts
{
    extension(TestCounts)
    {
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
    }
}
