namespace Kiln.Scanning.Secrets;

/// <summary>Turns a character index into a 1-based line and column; lines end at <c>\n</c>, as git counts them.</summary>
internal sealed class LineMap
{
    private readonly List<int> starts = [0];

    public LineMap(string text)
    {
        for (var index = text.IndexOf('\n', StringComparison.Ordinal); index >= 0; index = text.IndexOf('\n', index + 1))
        {
            starts.Add(index + 1);
        }
    }

    public (int Line, int Column) Locate(int index)
    {
        var found = starts.BinarySearch(index);
        var line = found >= 0 ? found : ~found - 1;
        return (line + 1, index - starts[line] + 1);
    }
}
