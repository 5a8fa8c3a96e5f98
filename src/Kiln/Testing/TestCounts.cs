using System.Globalization;

namespace Kiln.Testing;

/// <summary>Passed, failed and skipped test counts, added across runs (Kiln.Tools reads them from TRX files).</summary>
public sealed record TestCounts(int Passed, int Failed, int Skipped)
{
    /// <summary>No tests.</summary>
    public static TestCounts None { get; } = new(0, 0, 0);

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
