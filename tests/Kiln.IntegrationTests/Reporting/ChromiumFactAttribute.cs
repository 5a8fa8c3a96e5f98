namespace Kiln.IntegrationTests.Reporting;

/// <summary>A test that needs headless Chromium: skipped, with the fix, on a machine without Debian's chromium package.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!HeadlessChromium.IsInstalled)
        {
            Skip = $"{HeadlessChromium.Executable} is absent, so the report is not opened in a browser: apt-get install chromium (.ci/run does, when it may).";
        }
    }
}
