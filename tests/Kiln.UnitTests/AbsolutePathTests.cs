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

    [Fact]
    public void AbsolutePath_treats_backslashes_in_a_combined_part_as_separators()
    {
        Assert.Equal(AbsolutePath.Create("/repo/src/Kiln/Kiln.csproj"), AbsolutePath.Create("/repo") / @"src\Kiln\Kiln.csproj");
    }

    [Fact]
    public void AbsolutePath_plus_appends_text_to_the_last_segment()
    {
        Assert.Equal(AbsolutePath.Create("/repo/artifacts/site.zip"), AbsolutePath.Create("/repo/artifacts") / "site" + ".zip");
    }

    [Fact]
    public void AbsolutePath_converts_to_and_from_string()
    {
        string text = AbsolutePath.Create("/repo") / "build";
        var path = (AbsolutePath)"/repo/build/";

        Assert.Equal("/repo/build", text);
        Assert.Equal(AbsolutePath.Create("/repo/build"), path);
    }

    [Fact]
    public void AbsolutePath_has_an_extension_and_a_name_without_it()
    {
        var package = AbsolutePath.Create("/repo/artifacts/Kiln.1.0.0.nupkg");

        Assert.Equal(".nupkg", package.Extension);
        Assert.Equal("Kiln.1.0.0", package.NameWithoutExtension);
        Assert.Equal(AbsolutePath.Create("/repo/artifacts/Kiln.1.0.0.snupkg"), package.WithExtension(".snupkg"));
        Assert.Equal(AbsolutePath.Create("/repo/artifacts/Kiln.1.0.0"), package.WithExtension(""));
    }
}
