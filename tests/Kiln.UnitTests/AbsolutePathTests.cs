namespace Kiln.UnitTests;

public class AbsolutePathTests
{
    [Fact]
    public void AbsolutePath_combines_segments_with_a_slash()
    {
        Assert.Equal("/repo/artifacts/packages", (AbsolutePath.Create("/repo") / "artifacts" / "packages").ToString());
    }

    [Fact]
    public void AbsolutePath_normalizes_dot_dot_and_a_trailing_separator()
    {
        Assert.Equal(AbsolutePath.Create("/repo/src"), AbsolutePath.Create("/repo/build/../src/"));
    }

    [Fact]
    public void AbsolutePath_rejects_a_relative_path_and_says_how_to_combine_it()
    {
        var exception = Assert.Throws<ArgumentException>(() => AbsolutePath.Create("artifacts"));

        Assert.StartsWith("'artifacts' is not an absolute path: combine it with RootDirectory, as RootDirectory / \"artifacts\".", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AbsolutePath_is_relative_to_a_base_with_forward_slashes()
    {
        Assert.Equal("src/Kiln/Kiln.csproj", AbsolutePath.Create("/repo/src/Kiln/Kiln.csproj").RelativeTo(AbsolutePath.Create("/repo")));
    }

    [Fact]
    public void AbsolutePath_has_a_name_and_a_parent()
    {
        var path = AbsolutePath.Create("/repo/artifacts/plan.md");

        Assert.Equal("plan.md", path.Name);
        Assert.Equal(AbsolutePath.Create("/repo/artifacts"), path.Parent);
        Assert.Null(AbsolutePath.Create("/").Parent);
    }

    [Fact]
    public void AbsolutePath_compares_by_ordinal_text()
    {
        Assert.True(AbsolutePath.Create("/repo") == AbsolutePath.Create("/repo/"));
        Assert.True(AbsolutePath.Create("/repo") != AbsolutePath.Create("/Repo"));
    }
}
