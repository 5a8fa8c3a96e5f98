namespace Kiln.Tooling;

// The setters of MSBuild properties publish reads; the property setters are generated from [FluentSetters] on the record.
public static partial class DotNetPublishSettingsExtensions
{
    /// <summary>-p:PublishSingleFile: one executable.</summary>
    public static DotNetPublishSettings SetPublishSingleFile(this DotNetPublishSettings settings, bool value) => settings.SetProperty("PublishSingleFile", value);

    /// <summary>-p:PublishTrimmed: unused code trimmed away.</summary>
    public static DotNetPublishSettings SetPublishTrimmed(this DotNetPublishSettings settings, bool value) => settings.SetProperty("PublishTrimmed", value);

    /// <summary>-p:PublishReadyToRun: compiled ahead of time.</summary>
    public static DotNetPublishSettings SetPublishReadyToRun(this DotNetPublishSettings settings, bool value) => settings.SetProperty("PublishReadyToRun", value);
}
