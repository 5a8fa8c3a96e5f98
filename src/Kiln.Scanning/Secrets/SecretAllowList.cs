using System.Text;
using System.Text.Json;
using Kiln.Planning;

namespace Kiln.Scanning.Secrets;

/// <summary>
/// Values and paths the secret scanner must not report, read from a JSON file (<c>.nuke/secrets-allowlist.json</c> by
/// default). Each entry says why, and allows one thing: the SHA-256 of a value (so the file never holds a real secret),
/// a published value (such as Azurite's development key), or a glob of repository-relative paths; optionally only for
/// one rule:
/// <code>
/// { "allow": [
///   { "sha256": "9f86d08...", "reason": "the sample token in docs/auth.md is revoked" },
///   { "value": "Eby8vdM0...", "rule": "azure-storage-account-key", "reason": "Azurite's published development key" },
///   { "path": "tests/fixtures/**", "reason": "generated test data" } ] }
/// </code>
/// </summary>
public sealed class SecretAllowList
{
    private const string Shape = """{ "allow": [ { "sha256": "<from the finding's message>", "reason": "why it may stay" } ] }""";

    private static readonly string[] EntryKeys = ["reason", "sha256", "value", "path", "rule"];

    private static readonly string[] MatcherKeys = ["sha256", "value", "path"];

    private readonly IReadOnlyList<AllowListEntry> entries;

    private SecretAllowList(IReadOnlyList<AllowListEntry> entries) => this.entries = entries;

    /// <summary>An allow list that allows nothing.</summary>
    public static SecretAllowList Empty { get; } = new([]);

    /// <summary>How many entries the list has.</summary>
    public int Count => entries.Count;

    /// <summary>Reads the allow list from <paramref name="file"/>; a file that does not exist is an empty list.</summary>
    /// <exception cref="KilnException">The file is not valid JSON or an entry is wrong; the message names the file, the line and the fix.</exception>
    public static SecretAllowList Load(AbsolutePath file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return File.Exists(file) ? Parse(File.ReadAllText(file), file) : Empty;
    }

    /// <summary>Reads an allow list from JSON text; <paramref name="fileName"/> names it in error messages.</summary>
    /// <exception cref="KilnException">The text is not valid JSON or an entry is wrong; the message names the file, the line and the fix.</exception>
    public static SecretAllowList Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var lines = new LineCounter(bytes);
        try
        {
            return new SecretAllowList(ReadRoot(ref reader, lines, fileName));
        }
        catch (JsonException exception)
        {
            // Not the parser's own message: it may quote the text around the error, which could be a secret.
            var line = (exception.LineNumber ?? 0) + 1;
            var position = (exception.BytePositionInLine ?? 0) + 1;
            throw new KilnException($"{fileName}:{line}: not valid JSON (at byte {position} of the line): fix the syntax; the file looks like {Shape}.");
        }
    }

    /// <summary>Whether an entry allows this value of this rule in this file.</summary>
    internal bool Allows(string ruleId, string file, string value, Func<string> sha256) =>
        entries.Any(entry => entry.Allows(ruleId, file, value, sha256));

    /// <summary>Whether a path entry for every rule covers the whole file, so it need not be read at all.</summary>
    internal bool AllowsWholeFile(string file) =>
        entries.Any(entry => entry.Path is not null && entry.Rule is null && entry.Path.IsMatch(file));

    private static List<AllowListEntry> ReadRoot(ref Utf8JsonReader reader, LineCounter lines, string fileName)
    {
        Read(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error(fileName, lines.At(reader), $"the allow list must be a JSON object, like {Shape}.");
        }

        var entries = new List<AllowListEntry>();
        while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            var line = lines.At(reader);
            Read(ref reader);
            if (key == "$schema")
            {
                reader.Skip();
            }
            else if (key == "allow")
            {
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw Error(fileName, line, $"\"allow\" must be an array of entries, like {Shape}.");
                }

                while (Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
                {
                    entries.Add(ReadEntry(ref reader, lines, fileName));
                }
            }
            else
            {
                throw Error(fileName, line, $"unknown key \"{key}\" at the top of the allow list: the file has one key, \"allow\", like {Shape}.");
            }
        }

        return entries;
    }

    private static AllowListEntry ReadEntry(ref Utf8JsonReader reader, LineCounter lines, string fileName)
    {
        var entryLine = lines.At(reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error(fileName, entryLine, $"each allow-list entry must be an object, like {Shape}.");
        }

        var values = new Dictionary<string, (string Text, int Line)>(StringComparer.Ordinal);
        while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            var line = lines.At(reader);
            if (!EntryKeys.Contains(key, StringComparer.Ordinal))
            {
                var known = string.Join(", ", EntryKeys.Select(name => $"\"{name}\""));
                throw Error(fileName, line, $"unknown key \"{key}\" in an allow-list entry.{NameSuggestions.DidYouMean(key, EntryKeys)} An entry has {known}.");
            }

            if (values.ContainsKey(key))
            {
                throw Error(fileName, line, $"\"{key}\" appears twice in one allow-list entry: keep one.");
            }

            Read(ref reader);
            if (reader.TokenType != JsonTokenType.String)
            {
                throw Error(fileName, line, $"\"{key}\" must be a string.");
            }

            values[key] = (reader.GetString()!, line);
        }

        return CreateEntry(values, entryLine, fileName);
    }

    private static AllowListEntry CreateEntry(Dictionary<string, (string Text, int Line)> values, int line, string fileName)
    {
        string? Get(string key) => values.TryGetValue(key, out var value) ? value.Text : null;

        var reason = Get("reason");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw Error(fileName, line, "the allow-list entry has no \"reason\": add one that says why the value is not a secret, or why it may stay.");
        }

        var matchers = MatcherKeys.Where(values.ContainsKey).ToList();
        if (matchers.Count != 1)
        {
            var problem = matchers.Count == 0 ? "none of" : $"{string.Join(" and ", matchers.Select(key => $"\"{key}\""))}, more than one of";
            throw Error(fileName, line, $"the allow-list entry has {problem} \"sha256\", \"value\" and \"path\": give exactly one per entry.");
        }

        var rule = Get("rule");
        if (rule is not null && SecretRules.Find(rule) is null)
        {
            var ids = SecretRules.All.Select(known => known.Id).ToList();
            throw Error(fileName, values["rule"].Line, $"unknown rule \"{rule}\".{NameSuggestions.DidYouMean(rule, ids)} The rules are {string.Join(", ", ids)}.");
        }

        var sha256 = Get("sha256");
        if (sha256 is not null && (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit)))
        {
            // The text is not repeated: someone may have pasted the secret itself here.
            throw Error(fileName, values["sha256"].Line, "\"sha256\" must be 64 hex digits, the SHA-256 of the value as a finding's message shows it.");
        }

        var value = Get("value");
        if (value is { Length: 0 })
        {
            throw Error(fileName, values["value"].Line, "\"value\" is empty: give the published value to allow, or use \"sha256\" for anything else.");
        }

        var path = Get("path");
        if (path is not null && string.IsNullOrWhiteSpace(path))
        {
            throw Error(fileName, values["path"].Line, "\"path\" is empty: give a glob of repository-relative paths, like tests/fixtures/**.");
        }

        return new AllowListEntry(reason, rule, sha256?.ToLowerInvariant(), value, path is null ? null : new PathGlob(path), line);
    }

    private static bool Read(ref Utf8JsonReader reader) =>
        reader.Read() ? true : throw new JsonException("The allow list ends early.");

    private static KilnException Error(string fileName, int line, string message) => new($"{fileName}:{line}: {message}");

    /// <summary>The 1-based line of the token a reader is on.</summary>
    private sealed class LineCounter(byte[] bytes)
    {
        private long counted;
        private int line = 1;

        public int At(Utf8JsonReader reader)
        {
            var index = reader.TokenStartIndex;
            if (index < counted)
            {
                counted = 0;
                line = 1;
            }

            line += bytes.AsSpan((int)counted, (int)(index - counted)).Count((byte)'\n');
            counted = index;
            return line;
        }
    }
}
