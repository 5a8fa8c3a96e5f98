namespace Kiln.Scanning.Secrets;

/// <summary>One entry of the allow list: what it allows (exactly one of a value's SHA-256, the value itself or a path glob), for which rule, and why.</summary>
internal sealed record AllowListEntry(string Reason, string? Rule, string? Sha256, string? Value, PathGlob? Path, int Line)
{
    public bool Allows(string ruleId, string file, string value, Func<string> sha256)
    {
        if (Rule is not null && !string.Equals(Rule, ruleId, StringComparison.Ordinal))
        {
            return false;
        }

        return Path is not null ? Path.IsMatch(file)
            : Value is not null ? string.Equals(Value, value, StringComparison.Ordinal)
            : string.Equals(Sha256, sha256(), StringComparison.OrdinalIgnoreCase);
    }
}
