using System.Text;

namespace Kiln.Hosts;

/// <summary>
/// The lines of one target while other targets run: either held in a buffer and written as a block
/// when the target ends, or passed on at once with "[Name] " in front of each line.
/// </summary>
internal sealed class TargetOutput : IDisposable
{
    private readonly StringWriter? buffer;

    public TargetOutput(string name, TargetOutputMode mode, TextWriter output)
    {
        Mode = mode;
        if (mode == TargetOutputMode.Buffered)
        {
            buffer = new StringWriter { NewLine = output.NewLine };
            Writer = buffer;
        }
        else
        {
            Writer = new PrefixingWriter(output, $"[{name}] ");
        }
    }

    public TargetOutputMode Mode { get; }

    /// <summary>Where the target's lines go while it runs. Callers hold the host's lock.</summary>
    public TextWriter Writer { get; }

    /// <summary>True once the block was written out; later lines go straight to the output.</summary>
    public bool IsEnded { get; private set; }

    /// <summary>Writes the held block, if any, to <paramref name="output"/> and ends it. Callers hold the host's lock.</summary>
    public void WriteTo(TextWriter output)
    {
        IsEnded = true;
        if (buffer is not null)
        {
            output.Write(buffer.ToString());
        }
        else
        {
            Writer.Flush();
        }
    }

    public void Dispose() => Writer.Dispose();

    /// <summary>Puts a prefix before the first character of every line.</summary>
    private sealed class PrefixingWriter(TextWriter inner, string prefix) : TextWriter
    {
        private bool atLineStart = true;

        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            if (atLineStart && value != '\r')
            {
                inner.Write(prefix);
            }

            atLineStart = value == '\n';
            inner.Write(value);
        }

        public override void Write(string? value)
        {
            foreach (var character in value ?? string.Empty)
            {
                Write(character);
            }
        }

        public override void Flush() => inner.Flush();
    }
}
