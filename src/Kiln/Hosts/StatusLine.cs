using System.Text;

namespace Kiln.Hosts;

/// <summary>
/// A writer that keeps one status line below everything written through it, on a terminal: the line is cleared in
/// place (carriage return, ANSI erase line) before other text is written, and drawn again once that text ends a line
/// and is flushed, so output lines are never mixed with it. Cut to the terminal's width, so that it never wraps (an
/// erase reaches one row only). Callers serialise writes (the host's lock).
/// </summary>
internal sealed class StatusLine : TextWriter
{
    /// <summary>Back to the first column and erase the row.</summary>
    public const string Erase = "\r\u001b[2K";

    private readonly TextWriter inner;
    private readonly Func<int> columns;
    private readonly bool useColors;
    private string? text;
    private bool isDrawn;
    private bool atLineStart = true;

    /// <param name="inner">The terminal.</param>
    /// <param name="width">The terminal's width in columns, read at every draw; 80 when it cannot be read.</param>
    /// <param name="useColors">Draws the line dimmed.</param>
    public StatusLine(TextWriter inner, Func<int>? width = null, bool useColors = false)
    {
        this.inner = inner;
        columns = width ?? ConsoleWidth;
        this.useColors = useColors;
        NewLine = inner.NewLine;
    }

    public override Encoding Encoding => inner.Encoding;

    /// <summary>The line as it is drawn now; null when there is none.</summary>
    public string? Text => text;

    /// <summary>Replaces the status line with <paramref name="status"/>, or clears it for null.</summary>
    public void Show(string? status)
    {
        if (status == text && (isDrawn || status is null))
        {
            return;
        }

        text = status;
        Clear();
        Draw();
        inner.Flush();
    }

    public override void Write(char value)
    {
        Clear();
        inner.Write(value);
        atLineStart = value == '\n';
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        Clear();
        inner.Write(value);
        atLineStart = value[^1] == '\n';
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush()
    {
        Draw();
        inner.Flush();
    }

    private void Clear()
    {
        if (isDrawn)
        {
            inner.Write(Erase);
            isDrawn = false;
        }
    }

    // Only at the start of a line: drawn in the middle of one, the rest of that line would follow the status.
    private void Draw()
    {
        if (text is null || isDrawn || !atLineStart)
        {
            return;
        }

        var room = Math.Max(columns() - 1, 10);
        var fitted = text.Length <= room ? text : string.Concat(text.AsSpan(0, room - 1), "…");
        inner.Write(useColors ? $"\u001b[2m{fitted}\u001b[0m" : fitted);
        isDrawn = true;
    }

    private static int ConsoleWidth()
    {
        try
        {
            return Console.WindowWidth is > 0 and var columns ? columns : 80;
        }
        catch (IOException)
        {
            return 80;
        }
        catch (PlatformNotSupportedException)
        {
            return 80;
        }
    }
}
