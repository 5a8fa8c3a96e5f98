using System.Text;

namespace Kiln.Hosts;

/// <summary>
/// Stands in for Console.Out while a build runs, so that a target printing with Console.WriteLine cannot
/// show a secret: text is held until the end of the line and masked as a whole line.
/// </summary>
internal sealed class MaskingTextWriter(TextWriter inner, SecretMasker masker) : TextWriter
{
    private readonly StringBuilder line = new();
    private readonly object gate = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (gate)
        {
            if (value == '\n')
            {
                inner.WriteLine(masker.Apply(line.ToString().TrimEnd('\r')));
                line.Clear();
            }
            else
            {
                line.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var character in value ?? string.Empty)
        {
            Write(character);
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }

    public override void Flush()
    {
        lock (gate)
        {
            // A partial line is written masked too; a secret split across two flushes is the one case this cannot see.
            if (line.Length > 0)
            {
                inner.Write(masker.Apply(line.ToString()));
                line.Clear();
            }

            inner.Flush();
        }
    }
}
