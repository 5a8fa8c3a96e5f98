namespace Kiln.Scanning.Secrets;

/// <summary>Shannon entropy of a value in bits per character: random keys score high, words and placeholders low.</summary>
internal static class ShannonEntropy
{
    public static double Of(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }

        Span<int> ascii = stackalloc int[128];
        Dictionary<char, int>? others = null;
        foreach (var character in value)
        {
            if (character < 128)
            {
                ascii[character]++;
            }
            else
            {
                others ??= [];
                others[character] = others.GetValueOrDefault(character) + 1;
            }
        }

        double entropy = 0;
        foreach (var count in ascii)
        {
            entropy += Term(count, value.Length);
        }

        foreach (var count in others?.Values ?? Enumerable.Empty<int>())
        {
            entropy += Term(count, value.Length);
        }

        return entropy;
    }

    private static double Term(int count, int length)
    {
        if (count == 0)
        {
            return 0;
        }

        var probability = (double)count / length;
        return -probability * Math.Log2(probability);
    }
}
