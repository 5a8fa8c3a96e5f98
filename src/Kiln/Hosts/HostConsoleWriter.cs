using System.Text;

namespace Kiln.Hosts;

/// <summary>
/// The writer under the masking Console.Out: text a target prints with Console.Write goes into that target's
/// block (or gets its prefix) like the host's own lines, instead of straight to the output.
/// </summary>
internal sealed class HostConsoleWriter(OutputHost host) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => host.WriteConsoleText(output => output.Write(value));

    public override void Write(string? value) => host.WriteConsoleText(output => output.Write(value));

    public override void WriteLine(string? value) => host.WriteConsoleText(output => output.WriteLine(value));

    public override void Flush() => host.WriteConsoleText(output => output.Flush());
}
