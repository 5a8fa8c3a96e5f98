using System.Globalization;

namespace Kiln.Versioning.Calculation;

/// <summary>A pre-release split as GitVersion splits it: a label name ("beta", or empty) and a trailing number.</summary>
internal sealed record PreReleaseTag(string Name, long? Number)
{
    public bool HasTag => Name.Length > 0 || Number is not null;

    /// <summary>Splits "beta1", "beta.1", "alpha7", "5" or "rc" into name and number.</summary>
    public static PreReleaseTag Parse(string text)
    {
        var end = text.Length;
        while (end > 0 && char.IsAsciiDigit(text[end - 1]))
        {
            end--;
        }

        if (end == text.Length)
        {
            return new PreReleaseTag(text, null);
        }

        var number = long.Parse(text.AsSpan(end), NumberStyles.None, CultureInfo.InvariantCulture);
        var name = text[..end].TrimEnd('.', '-');
        return new PreReleaseTag(name, number);
    }

    /// <summary>"beta.1", "5" (empty name), "beta" (no number) or empty.</summary>
    public override string ToString() => (Name, Number) switch
    {
        ({ Length: > 0 }, not null) => $"{Name}.{Number.Value.ToString(CultureInfo.InvariantCulture)}",
        ({ Length: > 0 }, null) => Name,
        (_, not null) => Number.Value.ToString(CultureInfo.InvariantCulture),
        _ => string.Empty,
    };
}
