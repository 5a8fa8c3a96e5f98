namespace Library;

/// <summary>Converts temperatures.</summary>
public static class Temperature
{
    /// <summary>Degrees Celsius in degrees Fahrenheit.</summary>
    public static double ToFahrenheit(double celsius) => (celsius * 9 / 5) + 32;

    /// <summary>Degrees Fahrenheit in degrees Celsius.</summary>
    public static double ToCelsius(double fahrenheit) => (fahrenheit - 32) * 5 / 9;
}
