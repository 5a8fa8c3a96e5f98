using System.Globalization;

namespace Kiln;

/// <summary>
/// Which share of a partitioned target's work this run does (<c>--partition 2/3</c>). A target declared with
/// <c>Partition(n)</c> runs as n parallel CI jobs; each takes its items with <see cref="Take{T}"/>.
/// </summary>
/// <param name="Index">The share, from 1 to <paramref name="Count"/>.</param>
/// <param name="Count">How many shares there are.</param>
public sealed record Partition(int Index, int Count)
{
    /// <summary>The whole: one share of one.</summary>
    public static Partition Whole { get; } = new(1, 1);

    /// <summary>Parses "i/n", as --partition takes it.</summary>
    public static Partition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new Partition(index, count);
        }

        throw new KilnException($"--partition {text} is not a share: write it as i/n with 1 <= i <= n, like --partition 2/3.");
    }

    /// <summary>The items of this share: every Count-th item, starting at Index, so shares are disjoint and cover all items.</summary>
    public IEnumerable<T> Take<T>(IEnumerable<T> items) => items.Where((_, position) => position % Count == Index - 1);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
