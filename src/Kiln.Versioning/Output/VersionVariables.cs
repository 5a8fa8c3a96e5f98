using System.Globalization;
using System.Text;
using Kiln.Versioning.Calculation;
using Kiln.Versioning.Configuration;

namespace Kiln.Versioning.Output;

/// <summary>
/// The version variables GitVersion 6.x outputs, under GitVersion's names and with its JSON types: numbers for
/// Major, Minor, Patch, PreReleaseNumber, WeightedPreReleaseNumber, BuildMetaData, CommitsSinceVersionSource,
/// VersionSourceDistance and UncommittedChanges; strings for the rest; null where GitVersion writes null.
/// </summary>
public sealed class VersionVariables
{
    // The one list of variables: GitVersion's /output json order, each with how to read its value.
    private static readonly (string Name, Func<VersionVariables, object?> Value)[] Accessors =
    [
        (nameof(AssemblySemFileVer), variables => variables.AssemblySemFileVer),
        (nameof(AssemblySemVer), variables => variables.AssemblySemVer),
        (nameof(BranchName), variables => variables.BranchName),
        (nameof(BuildMetaData), variables => variables.BuildMetaData),
        (nameof(CommitDate), variables => variables.CommitDate),
        (nameof(CommitsSinceVersionSource), variables => variables.CommitsSinceVersionSource),
        (nameof(EscapedBranchName), variables => variables.EscapedBranchName),
        (nameof(FullBuildMetaData), variables => variables.FullBuildMetaData),
        (nameof(FullSemVer), variables => variables.FullSemVer),
        (nameof(InformationalVersion), variables => variables.InformationalVersion),
        (nameof(Major), variables => variables.Major),
        (nameof(MajorMinorPatch), variables => variables.MajorMinorPatch),
        (nameof(Minor), variables => variables.Minor),
        (nameof(Patch), variables => variables.Patch),
        (nameof(PreReleaseLabel), variables => variables.PreReleaseLabel),
        (nameof(PreReleaseLabelWithDash), variables => variables.PreReleaseLabelWithDash),
        (nameof(PreReleaseNumber), variables => variables.PreReleaseNumber),
        (nameof(PreReleaseTag), variables => variables.PreReleaseTag),
        (nameof(PreReleaseTagWithDash), variables => variables.PreReleaseTagWithDash),
        (nameof(SemVer), variables => variables.SemVer),
        (nameof(Sha), variables => variables.Sha),
        (nameof(ShortSha), variables => variables.ShortSha),
        (nameof(UncommittedChanges), variables => variables.UncommittedChanges),
        (nameof(VersionSourceDistance), variables => variables.VersionSourceDistance),
        (nameof(VersionSourceIncrement), variables => variables.VersionSourceIncrement),
        (nameof(VersionSourceSemVer), variables => variables.VersionSourceSemVer),
        (nameof(VersionSourceSha), variables => variables.VersionSourceSha),
        (nameof(WeightedPreReleaseNumber), variables => variables.WeightedPreReleaseNumber),
    ];

    private static readonly Dictionary<string, Func<VersionVariables, object?>> ByName =
        Accessors.ToDictionary(accessor => accessor.Name, accessor => accessor.Value, StringComparer.OrdinalIgnoreCase);

    private VersionVariables()
    {
    }

    /// <summary>The variable names in GitVersion's <c>/output json</c> order.</summary>
    public static IReadOnlyList<string> Names { get; } = Accessors.Select(accessor => accessor.Name).ToArray();

    /// <summary>The file version: <c>assembly-file-versioning-format</c>, or built by <c>assembly-file-versioning-scheme</c> (<c>1.2.3.0</c>); null for the scheme None.</summary>
    public string? AssemblySemFileVer { get; private set; }

    /// <summary>The assembly version: <c>assembly-versioning-format</c>, or built by <c>assembly-versioning-scheme</c> (<c>1.2.3.0</c>); null for the scheme None.</summary>
    public string? AssemblySemVer { get; private set; }

    /// <summary>The short branch name: <c>main</c>, <c>feature/foo</c>, <c>pull/2/merge</c>.</summary>
    public string BranchName { get; private init; } = string.Empty;

    /// <summary>The commit count as build metadata: set in ManualDeployment on an untagged HEAD, otherwise null.</summary>
    public long? BuildMetaData { get; private init; }

    /// <summary>HEAD's committer date (UTC) in <c>commit-date-format</c> (<c>yyyy-MM-dd</c>).</summary>
    public string CommitDate { get; private init; } = string.Empty;

    /// <summary>The commits counted since the version source (0 on a tagged HEAD).</summary>
    public long CommitsSinceVersionSource { get; private init; }

    /// <summary>The branch name with every character outside <c>[a-zA-Z0-9-]</c> replaced by <c>-</c>.</summary>
    public string EscapedBranchName { get; private init; } = string.Empty;

    /// <summary><c>[count.]Branch.&lt;branch&gt;.Sha.&lt;sha&gt;</c>: the build metadata with branch and commit.</summary>
    public string FullBuildMetaData { get; private init; } = string.Empty;

    /// <summary><see cref="SemVer"/> plus <c>+BuildMetaData</c> when there is build metadata: <c>1.2.3-beta.1+5</c>.</summary>
    public string FullSemVer { get; private init; } = string.Empty;

    /// <summary><c>assembly-informational-format</c>, or <see cref="SemVer"/> + <c>+</c> + <see cref="FullBuildMetaData"/>.</summary>
    public string InformationalVersion { get; private set; } = string.Empty;

    /// <summary>The major version.</summary>
    public long Major { get; private init; }

    /// <summary><c>Major.Minor.Patch</c>.</summary>
    public string MajorMinorPatch { get; private init; } = string.Empty;

    /// <summary>The minor version.</summary>
    public long Minor { get; private init; }

    /// <summary>The patch version.</summary>
    public long Patch { get; private init; }

    /// <summary>The pre-release label name (<c>beta</c>), or empty.</summary>
    public string PreReleaseLabel { get; private init; } = string.Empty;

    /// <summary><c>-</c> + <see cref="PreReleaseLabel"/>, or empty when there is no label name.</summary>
    public string PreReleaseLabelWithDash { get; private init; } = string.Empty;

    /// <summary>The pre-release number, or null.</summary>
    public long? PreReleaseNumber { get; private init; }

    /// <summary><c>label.number</c>, just the number when the label is empty (<c>beta.1</c>, <c>5</c>), or empty for a release.</summary>
    public string PreReleaseTag { get; private init; } = string.Empty;

    /// <summary><c>-</c> + <see cref="PreReleaseTag"/>, or empty for a release.</summary>
    public string PreReleaseTagWithDash { get; private init; } = string.Empty;

    /// <summary><see cref="MajorMinorPatch"/> plus <c>-PreReleaseTag</c> when there is one: <c>1.2.3-beta.1</c>.</summary>
    public string SemVer { get; private init; } = string.Empty;

    /// <summary>HEAD's full commit id.</summary>
    public string Sha { get; private init; } = string.Empty;

    /// <summary>The first 7 characters of <see cref="Sha"/>.</summary>
    public string ShortSha { get; private init; } = string.Empty;

    /// <summary>How many paths differ between HEAD and the index or working tree (untracked files count, ignored ones do not).</summary>
    public long UncommittedChanges { get; private init; }

    /// <summary>The same count as <see cref="CommitsSinceVersionSource"/>, under its GitVersion 6.6 name.</summary>
    public long VersionSourceDistance { get; private init; }

    /// <summary>The increment applied to the version source: None, Patch, Minor or Major.</summary>
    public string VersionSourceIncrement { get; private init; } = string.Empty;

    /// <summary>The version the source gave, before it was incremented.</summary>
    public string VersionSourceSemVer { get; private init; } = string.Empty;

    /// <summary>The commit the version was counted from; null for <c>next-version</c> or the fallback without tags.</summary>
    public string? VersionSourceSha { get; private init; }

    /// <summary>
    /// <see cref="PreReleaseNumber"/> + the branch's <c>pre-release-weight</c>; <c>tag-pre-release-weight</c> when there
    /// is no pre-release number, so that a release file version sorts above its pre-releases.
    /// </summary>
    public long WeightedPreReleaseNumber { get; private init; }

    /// <summary>Every variable with its value (string, <see cref="long"/> or null), in GitVersion's <c>/output json</c> order.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Variables =>
        Accessors.Select(accessor => KeyValuePair.Create(accessor.Name, accessor.Value(this))).ToList();

    /// <summary>A variable's value as text (numbers in invariant culture), looked up by name ignoring case; null when its value is null.</summary>
    /// <param name="name">A variable name, such as <c>SemVer</c> or <c>semver</c>.</param>
    /// <exception cref="KeyNotFoundException">No variable has that name; the message names the closest ones.</exception>
    public string? this[string name] =>
        TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException(UnknownVariableMessage(name));

    /// <summary>Reads a variable as text by name, ignoring case, as GitVersion's <c>/showvariable</c> does.</summary>
    /// <param name="name">A variable name.</param>
    /// <param name="value">The value as text; null when the variable's value is null or the name is unknown.</param>
    /// <returns>Whether a variable has that name.</returns>
    public bool TryGetValue(string name, out string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (ByName.TryGetValue(name, out var accessor))
        {
            value = FormatValue(accessor(this));
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>
    /// The MSBuild properties that stamp this version on assemblies and packages, for <c>dotnet build/pack -p:</c>:
    /// AssemblyVersion (<see cref="AssemblySemVer"/>, left out when null), FileVersion (<see cref="AssemblySemFileVer"/>,
    /// left out when null), InformationalVersion, and Version and PackageVersion as <see cref="SemVer"/>. NuGet ignores
    /// build metadata in a package's identity, so <see cref="FullSemVer"/> would let two builds claim one package version.
    /// IncludeSourceRevisionInInformationalVersion is off because InformationalVersion already names the commit.
    /// </summary>
    /// <returns>The properties by name.</returns>
    public IReadOnlyDictionary<string, string> ToMSBuildProperties()
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (AssemblySemVer is not null)
        {
            properties["AssemblyVersion"] = AssemblySemVer;
        }

        if (AssemblySemFileVer is not null)
        {
            properties["FileVersion"] = AssemblySemFileVer;
        }

        properties["InformationalVersion"] = InformationalVersion;
        properties["IncludeSourceRevisionInInformationalVersion"] = "false";
        properties["Version"] = SemVer;
        properties["PackageVersion"] = SemVer;
        return properties;
    }

    /// <summary>The variables as GitVersion's <c>/output json</c> writes them: indented by two spaces, in its order.</summary>
    /// <returns>The JSON text, without a trailing newline.</returns>
    public string ToJson() => VersionVariablesJson.Write(this);

    /// <summary>Returns <see cref="FullSemVer"/>.</summary>
    public override string ToString() => FullSemVer;

    /// <summary>Derives every variable from the calculator's result and the configuration's formats and schemes.</summary>
    /// <param name="result">What the calculator decided.</param>
    /// <param name="environment">Where <c>{env:NAME}</c> in a format is read from; the process environment when null.</param>
    /// <exception cref="VersioningException">A format names an unknown variable, or an unset environment variable without a fallback.</exception>
    internal static VersionVariables From(VersionResult result, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var configuration = result.Configuration;
        var version = result.Version;
        var preRelease = version.PreRelease;
        var preReleaseTag = preRelease.ToString();
        var buildMetaData = result.BuildMetaData;
        var semVer = version.SemVer;
        var fullBuildMetaData = (buildMetaData is { } count ? Invariant(count) + "." : string.Empty)
            + $"Branch.{Escape(result.BranchName, allowDot: true)}.Sha.{result.Sha}";

        // The values as the calculator gives them: what the JSON shows when no format is configured,
        // and what {Placeholders} in a format refer to (GitVersion formats against these too).
        var defaults = new VersionVariables
        {
            AssemblySemFileVer = AssemblyVersion(version, configuration.AssemblyFileVersioningScheme),
            AssemblySemVer = AssemblyVersion(version, configuration.AssemblyVersioningScheme),
            BranchName = result.BranchName,
            BuildMetaData = buildMetaData,
            CommitDate = result.CommitDate.UtcDateTime.ToString(configuration.CommitDateFormat, CultureInfo.InvariantCulture),
            CommitsSinceVersionSource = result.CommitsSinceVersionSource,
            EscapedBranchName = Escape(result.BranchName, allowDot: false),
            FullBuildMetaData = fullBuildMetaData,
            FullSemVer = buildMetaData is { } metadata ? $"{semVer}+{Invariant(metadata)}" : semVer,
            InformationalVersion = $"{semVer}+{fullBuildMetaData}",
            Major = version.Major,
            MajorMinorPatch = version.MajorMinorPatch,
            Minor = version.Minor,
            Patch = version.Patch,
            PreReleaseLabel = preRelease.Name,
            PreReleaseLabelWithDash = preRelease.Name.Length > 0 ? "-" + preRelease.Name : string.Empty,
            PreReleaseNumber = preRelease.Number,
            PreReleaseTag = preReleaseTag,
            PreReleaseTagWithDash = preRelease.HasTag ? "-" + preReleaseTag : string.Empty,
            SemVer = semVer,
            Sha = result.Sha,
            ShortSha = result.Sha.Length > 7 ? result.Sha[..7] : result.Sha,
            UncommittedChanges = result.UncommittedChanges,
            VersionSourceDistance = result.CommitsSinceVersionSource,
            VersionSourceIncrement = result.VersionSourceIncrement.ToString(),
            VersionSourceSemVer = result.VersionSourceSemVer.SemVer,
            VersionSourceSha = result.VersionSourceSha,
            WeightedPreReleaseNumber = preRelease.Number is { } number ? number + result.PreReleaseWeight : configuration.TagPreReleaseWeight,
        };

        if (string.IsNullOrEmpty(configuration.AssemblyVersioningFormat)
            && string.IsNullOrEmpty(configuration.AssemblyFileVersioningFormat)
            && string.IsNullOrEmpty(configuration.AssemblyInformationalFormat))
        {
            return defaults;
        }

        var values = Accessors.ToDictionary(
            accessor => accessor.Name,
            accessor => accessor.Name == nameof(CommitDate) ? new CommitDateValue(result.CommitDate, configuration.CommitDateFormat) : accessor.Value(defaults),
            StringComparer.OrdinalIgnoreCase);
        var format = new VersionFormat(values, environment);
        var formatted = (VersionVariables)defaults.MemberwiseClone();
        formatted.AssemblySemFileVer = format.Apply("assembly-file-versioning-format", configuration.AssemblyFileVersioningFormat, defaults.AssemblySemFileVer);
        formatted.AssemblySemVer = format.Apply("assembly-versioning-format", configuration.AssemblyVersioningFormat, defaults.AssemblySemVer);
        formatted.InformationalVersion = format.Apply("assembly-informational-format", configuration.AssemblyInformationalFormat, defaults.InformationalVersion);
        return formatted;
    }

    /// <summary>"There is no version variable 'X'." with the closest names, or all of them when none is close.</summary>
    /// <param name="name">The name that matched no variable.</param>
    /// <returns>The one-line message.</returns>
    public static string UnknownVariableMessage(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var closest = ClosestNames.Closest(name, Names);
        return closest.Count > 0
            ? $"There is no version variable '{name}'. Did you mean {string.Join(" or ", closest)}?"
            : $"There is no version variable '{name}'. The variables are: {string.Join(", ", Names)}.";
    }

    /// <summary>A value as /showvariable prints it: numbers in invariant culture, null as null.</summary>
    internal static string? FormatValue(object? value) => value switch
    {
        null => null,
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string? AssemblyVersion(SemanticVersion version, AssemblyVersioningScheme scheme) => scheme switch
    {
        AssemblyVersioningScheme.MajorMinorPatchTag => $"{version.MajorMinorPatch}.{Invariant(version.PreRelease.Number ?? 0)}",
        AssemblyVersioningScheme.MajorMinorPatch => $"{version.MajorMinorPatch}.0",
        AssemblyVersioningScheme.MajorMinor => $"{Invariant(version.Major)}.{Invariant(version.Minor)}.0.0",
        AssemblyVersioningScheme.Major => $"{Invariant(version.Major)}.0.0.0",
        _ => null,
    };

    /// <summary>Replaces every character outside <c>[0-9A-Za-z-]</c> (and <c>.</c>, when allowed) with <c>-</c>.</summary>
    private static string Escape(string branch, bool allowDot)
    {
        var escaped = new StringBuilder(branch.Length);
        foreach (var character in branch)
        {
            escaped.Append(char.IsAsciiLetterOrDigit(character) || character == '-' || (allowDot && character == '.') ? character : '-');
        }

        return escaped.ToString();
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>CommitDate inside a format: <c>{CommitDate}</c> in commit-date-format, <c>{CommitDate:yyyyMMdd}</c> in its own.</summary>
    private sealed record CommitDateValue(DateTimeOffset Date, string DefaultFormat) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) =>
            Date.UtcDateTime.ToString(string.IsNullOrEmpty(format) ? DefaultFormat : format, formatProvider);

        public override string ToString() => ToString(null, CultureInfo.InvariantCulture);
    }
}
