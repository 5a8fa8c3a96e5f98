using System.Globalization;

namespace Kiln.Reporting;

/// <summary>Durations as the report shows them: "0.4 s", "12.3 s", "2:05", "1:02:05".</summary>
internal static class DurationText
{
    public static string Format(double seconds)
    {
        if (seconds < 60)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{seconds:0.0} s");
        }

        var time = TimeSpan.FromSeconds(Math.Round(seconds));
        return time.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{time.Minutes}:{time.Seconds:00}");
    }
}
