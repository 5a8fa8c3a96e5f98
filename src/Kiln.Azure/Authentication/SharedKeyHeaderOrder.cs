namespace Kiln.Azure.Authentication;

/// <summary>
/// The order in which the Blob service sorts the x-ms-* headers of a SharedKey string to sign. It is not ordinal: the
/// service compares names the way Windows' default ("word") sort does. Hyphens and apostrophes are skipped at first;
/// punctuation comes before digits and digits before letters ('_' before '0'); letters compare without case. Only when
/// two names are equal that way do hyphens decide: at the first place where one name has a hyphen and the other does
/// not, the one without it comes first. Names are lower-case here, so case never decides.
/// </summary>
/// <remarks>
/// Ordinal order agrees for the headers the service defines; it differs for metadata names with '_' or digits
/// (x-ms-meta-a_b comes before x-ms-meta-a1 here, after it ordinally), where a wrong order is a 403 on every request.
/// </remarks>
internal sealed class SharedKeyHeaderOrder : IComparer<string>
{
    /// <summary>The characters that count at first, in the service's order; others (outside header-name tokens) after them.</summary>
    private const string Ranked = "!#$%&*.^_`|~+0123456789abcdefghijklmnopqrstuvwxyz";

    public static SharedKeyHeaderOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var first = CompareSkippingHyphens(x, y);
        return first != 0 ? first : CompareHyphens(x, y);
    }

    private static bool IsSkipped(char character) => character is '-' or '\'';

    private static int Rank(char character)
    {
        var index = Ranked.IndexOf(char.ToLowerInvariant(character), StringComparison.Ordinal);
        return index >= 0 ? index : Ranked.Length + character;
    }

    private static int CompareSkippingHyphens(string x, string y)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < x.Length && IsSkipped(x[i]))
            {
                i++;
            }

            while (j < y.Length && IsSkipped(y[j]))
            {
                j++;
            }

            if (i == x.Length || j == y.Length)
            {
                return (i == x.Length ? 0 : 1) - (j == y.Length ? 0 : 1);
            }

            var difference = Rank(x[i]) - Rank(y[j]);
            if (difference != 0)
            {
                return difference;
            }

            i++;
            j++;
        }
    }

    private static int CompareHyphens(string x, string y)
    {
        for (var index = 0; index < Math.Min(x.Length, y.Length); index++)
        {
            if (IsSkipped(x[index]) != IsSkipped(y[index]))
            {
                return IsSkipped(x[index]) ? 1 : -1;
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}
