using Kiln.Scanning.Secrets;

namespace Kiln.UnitTests.Scanning.Secrets;

public sealed class DiffReaderTests
{
    private static List<AddedLines> Read(string diff) => DiffReader.Read(new StringReader(diff));

    [Fact]
    public void Added_lines_carry_their_line_numbers_in_the_new_version_from_the_hunk_headers()
    {
        var added = Read("""
            diff --git a/src/a.txt b/src/a.txt
            index 1111111..2222222 100644
            --- a/src/a.txt
            +++ b/src/a.txt
            @@ -3 +3,2 @@
            -old
            +new three
            +new four
            @@ -10,0 +12 @@
            +new twelve

            """);

        var file = Assert.Single(added);
        Assert.Equal(("src/a.txt", "new three\nnew four\nnew twelve\n", "3,4,12"), (file.Path, file.Text, string.Join(',', file.LineNumbers)));
    }

    [Fact]
    public void Added_lines_are_grouped_by_commit_and_file()
    {
        var added = Read("\u0001" + new string('a', 40) + "\n\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+one\ndiff --git a/y b/y\n--- /dev/null\n+++ b/y\n@@ -0,0 +1 @@\n+two\n"
            + "\u0001" + new string('b', 40) + "\n\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,0 +2 @@\n+three\n");

        Assert.Equal(
            [(new string('a', 40), "x", "one\n"), (new string('a', 40), "y", "two\n"), (new string('b', 40), "x", "three\n")],
            added.Select(file => (file.Commit!, file.Path, file.Text)));
    }

    [Fact]
    public void Added_content_that_looks_like_a_diff_header_is_content()
    {
        var added = Read("diff --git a/d.diff b/d.diff\n--- a/d.diff\n+++ b/d.diff\n@@ -0,0 +1,3 @@\n+++ b/other\n+@@ -1 +1 @@\n+diff --git a/z b/z\n");

        var file = Assert.Single(added);
        Assert.Equal(("d.diff", "++ b/other\n@@ -1 +1 @@\ndiff --git a/z b/z\n"), (file.Path, file.Text));
    }

    [Fact]
    public void A_deleted_file_adds_nothing()
    {
        Assert.Empty(Read("diff --git a/x b/x\ndeleted file mode 100644\n--- a/x\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-one\n-two\n"));
    }

    [Fact]
    public void A_binary_file_adds_nothing()
    {
        Assert.Empty(Read("diff --git a/x.png b/x.png\nnew file mode 100644\nBinary files /dev/null and b/x.png differ\n"));
    }

    [Fact]
    public void A_quoted_path_is_unquoted()
    {
        var added = Read("diff --git \"a/caf\\303\\251 \\\"x\\\".txt\" \"b/caf\\303\\251 \\\"x\\\".txt\"\n--- /dev/null\n+++ \"b/caf\\303\\251 \\\"x\\\".txt\"\n@@ -0,0 +1 @@\n+one\n");

        Assert.Equal("café \"x\".txt", Assert.Single(added).Path);
    }

    [Fact]
    public void A_carriage_return_inside_a_line_does_not_end_it()
    {
        var added = Read("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -0,0 +1,2 @@\n+one\rstill one\r\n+two\n");

        var file = Assert.Single(added);
        Assert.Equal(("one\rstill one\ntwo\n", "1,2"), (file.Text, string.Join(',', file.LineNumbers)));
    }
}
