using Kiln.Hosts;

namespace Kiln.UnitTests.Hosts;

public sealed class MaskingTextWriterTests
{
    [Fact]
    public void MaskingTextWriter_masks_a_secret_written_with_WriteLine()
    {
        var (writer, inner) = Create("s3cr3t");

        writer.WriteLine("token=s3cr3t");

        Assert.Equal("token=***\n", inner.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void MaskingTextWriter_masks_a_secret_written_in_pieces_on_one_line()
    {
        var (writer, inner) = Create("s3cr3t");

        writer.Write("token=s3");
        writer.Write("cr");
        writer.Write("3t\n");

        Assert.Equal("token=***\n", inner.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void MaskingTextWriter_writes_a_partial_line_masked_on_flush()
    {
        var (writer, inner) = Create("s3cr3t");

        writer.Write("s3cr3t and more");
        writer.Flush();

        Assert.Equal("*** and more", inner.ToString());
    }

    private static (MaskingTextWriter Writer, StringWriter Inner) Create(string secret)
    {
        var masker = new SecretMasker();
        masker.Add(secret);
        var inner = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        return (new MaskingTextWriter(inner, masker), inner);
    }
}
