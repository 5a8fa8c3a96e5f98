namespace Kiln.Scanning.Secrets;

/// <summary>
/// Values that stand for a secret without being one: <c>&lt;your-key&gt;</c>, <c>${{ secrets.X }}</c>, <c>$(Var)</c>,
/// <c>%VAR%</c>, <c>***</c>, <c>changeme</c>, <c>xxxx</c>, documentation examples.
/// </summary>
internal static class PlaceholderValues
{
    private static readonly string[] Words =
    [
        "xxxx", "****", "changeme", "change_me", "change-me", "example", "placeholder", "your", "redacted", "dummy",
        "<", ">", "${", "$(", "{{",
    ];

    public static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value[0] is '$' or '%' or '{' or '*' or '<' or '[')
        {
            return true;
        }

        foreach (var word in Words)
        {
            if (value.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
