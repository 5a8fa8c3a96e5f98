namespace Gauge;

/// <summary>Converts pressures.</summary>
public static class Pressure
{
    /// <summary>Kilopascals in bar.</summary>
    public static double ToBar(double kilopascals) => kilopascals / 100;

    /// <summary>Bar in kilopascals.</summary>
    public static double ToKilopascals(double bar) => bar * 100;
}
