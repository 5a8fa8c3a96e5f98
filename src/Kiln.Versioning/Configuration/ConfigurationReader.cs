using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Kiln.Versioning.Configuration;

/// <summary>
/// Reads a merged configuration tree into the model, checking every key and value: an unknown key,
/// a value of the wrong type, a bad regex or a reference to a missing branch configuration is an
/// error naming the file, the line and the key.
/// </summary>
internal sealed class ConfigurationReader(string fileName)
{
    private static readonly string[] BranchKeys =
    [
        "regex", "label", "increment", "mode", "prevent-increment", "track-merge-target", "track-merge-message",
        "tracks-release-branches", "is-release-branch", "is-main-branch", "pre-release-weight", "source-branches", "is-source-branch-for",
    ];

    private static readonly string[] GlobalKeys =
    [
        "workflow", "tag-prefix", "semantic-version-format", "next-version", "major-version-bump-message", "minor-version-bump-message",
        "patch-version-bump-message", "no-bump-message", "commit-message-incrementing", "strategies", "ignore", "version-in-branch-pattern",
        "tag-pre-release-weight", "commit-date-format", "merge-message-formats", "assembly-versioning-scheme", "assembly-file-versioning-scheme",
        "assembly-versioning-format", "assembly-file-versioning-format", "assembly-informational-format", "update-build-number", "branches",
        .. BranchKeys,
    ];

    private static readonly string[] PreventIncrementKeys = ["of-merged-branch", "when-branch-merged", "when-current-commit-tagged"];

    private static readonly string[] IgnoreKeys = ["sha", "commits-before", "paths"];

    public GitVersionConfiguration Read(YamlMappingNode root, string workflow)
    {
        CheckKeys(root, GlobalKeys, string.Empty);
        var branches = ReadBranches(root);
        var defaults = ReadBranch(root, string.Empty, string.Empty);
        var configuration = new GitVersionConfiguration
        {
            Workflow = workflow,
            Defaults = defaults,
            Branches = branches,
            TagPrefix = String(root, "tag-prefix") ?? "[vV]?",
            SemanticVersionFormat = Enum(root, "semantic-version-format", SemanticVersionFormat.Strict),
            NextVersion = NextVersion(root),
            MajorVersionBumpMessage = Regex(root, "major-version-bump-message") ?? new GitVersionConfiguration().MajorVersionBumpMessage,
            MinorVersionBumpMessage = Regex(root, "minor-version-bump-message") ?? new GitVersionConfiguration().MinorVersionBumpMessage,
            PatchVersionBumpMessage = Regex(root, "patch-version-bump-message") ?? new GitVersionConfiguration().PatchVersionBumpMessage,
            NoBumpMessage = Regex(root, "no-bump-message") ?? new GitVersionConfiguration().NoBumpMessage,
            CommitMessageIncrementing = Enum(root, "commit-message-incrementing", CommitMessageIncrementMode.Enabled),
            Strategies = List(root, "strategies")?.Select(item => ParseEnum<VersionStrategy>(item.Node, "strategies", item.Text)).ToList() ?? [],
            Ignore = ReadIgnore(root),
            VersionInBranchPattern = Regex(root, "version-in-branch-pattern") ?? new GitVersionConfiguration().VersionInBranchPattern,
            TagPreReleaseWeight = Int(root, "tag-pre-release-weight") ?? 60000,
            CommitDateFormat = DateFormat(root),
            MergeMessageFormats = ReadMergeMessageFormats(root),
            AssemblyVersioningScheme = Enum(root, "assembly-versioning-scheme", AssemblyVersioningScheme.MajorMinorPatch),
            AssemblyFileVersioningScheme = Enum(root, "assembly-file-versioning-scheme", AssemblyVersioningScheme.MajorMinorPatch),
            AssemblyVersioningFormat = String(root, "assembly-versioning-format"),
            AssemblyFileVersioningFormat = String(root, "assembly-file-versioning-format"),
            AssemblyInformationalFormat = String(root, "assembly-informational-format"),
            UpdateBuildNumber = Bool(root, "update-build-number") ?? true,
        };
        CheckTagPrefix(root, configuration.TagPrefix);
        return configuration;
    }

    private List<BranchConfiguration> ReadBranches(YamlMappingNode root)
    {
        var node = Value(root, "branches");
        if (node is null || IsNull(node))
        {
            return [];
        }

        var map = Map(node, "branches");
        var branches = new List<BranchConfiguration>();
        foreach (var (key, value) in map.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            var branchMap = IsNull(value) ? new YamlMappingNode() : Map(value, $"branches.{name}");
            CheckKeys(branchMap, BranchKeys, $"branches.{name}.");
            branches.Add(ReadBranch(branchMap, name, $"branches.{name}."));
        }

        var names = branches.Select(branch => branch.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in map.Children)
        {
            if (value is YamlMappingNode branchMap)
            {
                CheckBranchReferences(branchMap, "source-branches", $"branches.{((YamlScalarNode)key).Value}.", names);
                CheckBranchReferences(branchMap, "is-source-branch-for", $"branches.{((YamlScalarNode)key).Value}.", names);
            }
        }

        return branches;
    }

    private BranchConfiguration ReadBranch(YamlMappingNode map, string name, string path)
    {
        var preventIncrement = new PreventIncrementConfiguration();
        if (Value(map, "prevent-increment") is { } preventNode && !IsNull(preventNode))
        {
            var prevent = Map(preventNode, path + "prevent-increment");
            CheckKeys(prevent, PreventIncrementKeys, path + "prevent-increment.");
            preventIncrement = new PreventIncrementConfiguration
            {
                OfMergedBranch = Bool(prevent, "of-merged-branch", path + "prevent-increment."),
                WhenBranchMerged = Bool(prevent, "when-branch-merged", path + "prevent-increment."),
                WhenCurrentCommitTagged = Bool(prevent, "when-current-commit-tagged", path + "prevent-increment."),
            };
        }

        var regex = Regex(map, "regex", path);
        return new BranchConfiguration
        {
            Name = name,
            Regex = regex?.ToString().Length > 0 ? regex : null,
            Label = String(map, "label"),
            Increment = NullableEnum<IncrementStrategy>(map, "increment", path),
            Mode = NullableEnum<DeploymentMode>(map, "mode", path),
            PreventIncrement = preventIncrement,
            TrackMergeTarget = Bool(map, "track-merge-target", path),
            TrackMergeMessage = Bool(map, "track-merge-message", path),
            TracksReleaseBranches = Bool(map, "tracks-release-branches", path),
            IsReleaseBranch = Bool(map, "is-release-branch", path),
            IsMainBranch = Bool(map, "is-main-branch", path),
            PreReleaseWeight = Int(map, "pre-release-weight", path),
            SourceBranches = List(map, "source-branches", path)?.Select(item => item.Text).ToList(),
            IsSourceBranchFor = List(map, "is-source-branch-for", path)?.Select(item => item.Text).ToList(),
        };
    }

    private IgnoreConfiguration ReadIgnore(YamlMappingNode root)
    {
        if (Value(root, "ignore") is not { } node || IsNull(node))
        {
            return new IgnoreConfiguration();
        }

        var map = Map(node, "ignore");
        CheckKeys(map, IgnoreKeys, "ignore.");
        DateTimeOffset? before = null;
        if (Value(map, "commits-before") is YamlScalarNode { Value: { Length: > 0 } text } dateNode)
        {
            before = DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var date)
                ? new DateTimeOffset(date)
                : throw Error(dateNode, "ignore.commits-before", $"'{text}' is not a date: write it as yyyy-MM-ddTHH:mm:ss, like 2024-01-31T12:00:00");
        }

        return new IgnoreConfiguration
        {
            Shas = List(map, "sha", "ignore.")?.Select(item => item.Text).ToList() ?? [],
            CommitsBefore = before,
            Paths = List(map, "paths", "ignore.")?.Select(item => CompileRegex(item.Node, "ignore.paths", item.Text)).ToList() ?? [],
        };
    }

    private Dictionary<string, Regex> ReadMergeMessageFormats(YamlMappingNode root)
    {
        var formats = new Dictionary<string, Regex>(StringComparer.Ordinal);
        if (Value(root, "merge-message-formats") is not { } node || IsNull(node))
        {
            return formats;
        }

        foreach (var (key, value) in Map(node, "merge-message-formats").Children)
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            var scalar = Scalar(value, $"merge-message-formats.{name}");
            formats[name] = CompileRegex(value, $"merge-message-formats.{name}", scalar.Value ?? string.Empty);
        }

        return formats;
    }

    private string? NextVersion(YamlMappingNode root)
    {
        var text = String(root, "next-version");
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return System.Text.RegularExpressions.Regex.IsMatch(text, @"^\d+(\.\d+){0,3}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")
            ? text
            : throw Error(Value(root, "next-version")!, "next-version", $"'{text}' is not a version: write it as 1.2.0 (or 1.2, or 1)");
    }

    private string DateFormat(YamlMappingNode root)
    {
        var format = String(root, "commit-date-format") ?? "yyyy-MM-dd";
        try
        {
            _ = DateTime.UnixEpoch.ToString(format, CultureInfo.InvariantCulture);
            return format;
        }
        catch (FormatException)
        {
            throw Error(Value(root, "commit-date-format")!, "commit-date-format", $"'{format}' is not a .NET date format: use one like yyyy-MM-dd");
        }
    }

    private void CheckTagPrefix(YamlMappingNode root, string prefix)
    {
        if (Value(root, "tag-prefix") is { } node)
        {
            CompileRegex(node, "tag-prefix", prefix);
        }
    }

    private void CheckKeys(YamlMappingNode map, string[] allowed, string path)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = key is YamlScalarNode { Value: { } text } ? text : throw Error(key, path.TrimEnd('.'), "keys must be plain names");
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                var closest = ClosestKey(name, allowed);
                var hint = closest is null ? string.Empty : $" Did you mean '{closest}'?";
                throw Error(key, path + name, $"unknown key '{name}'.{hint} Fix the key or remove it");
            }
        }
    }

    private void CheckBranchReferences(YamlMappingNode branch, string key, string path, HashSet<string> names)
    {
        foreach (var (node, text) in List(branch, key, path) ?? [])
        {
            if (!names.Contains(text))
            {
                throw Error(node, path + key, $"'{text}' is not a branch configuration; the configurations are {string.Join(", ", names)}");
            }
        }
    }

    private static YamlNode? Value(YamlMappingNode map, string key)
    {
        foreach (var (candidate, value) in map.Children)
        {
            if (candidate is YamlScalarNode { Value: { } name } && name == key)
            {
                return value;
            }
        }

        return null;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    private YamlMappingNode Map(YamlNode node, string path) =>
        node as YamlMappingNode ?? throw Error(node, path, "must be a map of keys to values");

    private YamlScalarNode Scalar(YamlNode node, string path) =>
        node as YamlScalarNode ?? throw Error(node, path, "must be a single value, not a list or a map");

    private string? String(YamlMappingNode map, string key, string path = "")
    {
        var node = Value(map, key);
        return node is null || IsNull(node) ? null : Scalar(node, path + key).Value;
    }

    private bool? Bool(YamlMappingNode map, string key, string path = "")
    {
        var text = String(map, key, path);
        return text?.ToLowerInvariant() switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => throw Error(Value(map, key)!, path + key, $"must be true or false, not '{text}'"),
        };
    }

    private int? Int(YamlMappingNode map, string key, string path = "")
    {
        var text = String(map, key, path);
        return text is null ? null
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number
            : throw Error(Value(map, key)!, path + key, $"must be a whole number, not '{text}'");
    }

    private T Enum<T>(YamlMappingNode map, string key, T fallback)
        where T : struct, Enum => NullableEnum<T>(map, key, string.Empty) ?? fallback;

    private T? NullableEnum<T>(YamlMappingNode map, string key, string path)
        where T : struct, Enum
    {
        var text = String(map, key, path);
        return text is null ? null : ParseEnum<T>(Value(map, key)!, path + key, text);
    }

    private T ParseEnum<T>(YamlNode node, string path, string text)
        where T : struct, Enum
    {
        var names = System.Enum.GetNames<T>();
        var name = names.FirstOrDefault(candidate => string.Equals(candidate, text, StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? System.Enum.Parse<T>(name)
            : throw Error(node, path, $"must be one of {string.Join(", ", names)}, not '{text}'");
    }

    private Regex? Regex(YamlMappingNode map, string key, string path = "")
    {
        var text = String(map, key, path);
        return text is null ? null : CompileRegex(Value(map, key)!, path + key, text);
    }

    private Regex CompileRegex(YamlNode node, string path, string pattern)
    {
        try
        {
            // GitVersion matches every regex case-insensitively.
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        }
        catch (ArgumentException exception)
        {
            throw Error(node, path, $"'{pattern}' is not a valid regular expression ({exception.Message})");
        }
    }

    private List<(YamlNode Node, string Text)>? List(YamlMappingNode map, string key, string path = "")
    {
        var node = Value(map, key);
        if (node is null || IsNull(node))
        {
            return null;
        }

        return node is YamlSequenceNode sequence
            ? sequence.Children.Select(item => (item, Scalar(item, path + key).Value ?? string.Empty)).ToList()
            : throw Error(node, path + key, "must be a list, like [main, develop]");
    }

    private VersioningException Error(YamlNode node, string key, string problem) =>
        new($"{fileName}({node.Start.Line}): {key}: {problem}.");

    private static string? ClosestKey(string typed, IEnumerable<string> keys) =>
        keys.Select(key => (Key: key, Distance: ClosestNames.EditDistance(typed, key)))
            .Where(candidate => candidate.Distance <= Math.Max(2, typed.Length / 3))
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Key)
            .FirstOrDefault();
}
