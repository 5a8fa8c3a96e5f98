using System.Globalization;

namespace Kiln.Testing;

/// <summary>
/// The lowest line coverage a build accepts (the <c>--coverage-threshold</c> parameter). The coverage is compared as
/// it is shown, to one decimal, so that "80.0%" never fails a threshold of 80%.
/// </summary>
public sealed record CoverageGate
{
    /// <summary>A gate at the given threshold.</summary>
    /// <param name="threshold">The lowest accepted line coverage, in percent (0 to 100).</param>
    /// <exception cref="KilnException">The threshold is not a percentage.</exception>
    public CoverageGate(double threshold)
    {
        Threshold = threshold is >= 0 and <= 100
            ? threshold
            : throw new KilnException(string.Create(CultureInfo.InvariantCulture, $"--coverage-threshold {threshold} is not a percentage: give a number from 0 to 100."));
    }

    /// <summary>The lowest accepted line coverage, in percent.</summary>
    public double Threshold { get; }

    /// <summary>Whether the line coverage (in percent) meets the threshold.</summary>
    public bool Passes(double lineCoverage) => Math.Round(lineCoverage, 1) >= Threshold;

    /// <summary>Why the line coverage fails the gate, with the fix; null when it passes.</summary>
    public string? FailureMessage(double lineCoverage) => Passes(lineCoverage)
        ? null
        : string.Create(
            CultureInfo.InvariantCulture,
            $"Line coverage {CoverageReport.FormatPercent(lineCoverage)} is below the threshold {Threshold:0.##}%: add tests, or lower --coverage-threshold.");

    /// <summary>Throws when the line coverage (in percent) is below the threshold.</summary>
    /// <exception cref="KilnException">The coverage is below the threshold; the message names both and the fix.</exception>
    public void Check(double lineCoverage)
    {
        if (FailureMessage(lineCoverage) is { } message)
        {
            throw new KilnException(message);
        }
    }
}
