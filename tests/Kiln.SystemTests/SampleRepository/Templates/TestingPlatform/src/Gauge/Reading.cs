using System.Globalization;

namespace Gauge;

/// <summary>A gauge's reading as it prints it: a number and a unit, such as "2.4 bar".</summary>
public static class Reading
{
    /// <summary>The reading in kilopascals.</summary>
    public static double ParseKilopascals(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var value = double.Parse(parts[0], CultureInfo.InvariantCulture);
        return parts[1] == "bar" ? value * 100 : value;
    }
}
