using Kiln.GitHub;

namespace Kiln.UnitTests.GitHub;

public sealed class ReleaseNotesTests
{
    private const string Changelog = """
        # Changelog

        ## [Unreleased]
        - Work in progress.

        ## [1.2.0] - 2026-11-20
        ### Added
        - Publish to NuGet.

        ### Fixed
        - A crash.

        ## 1.1.0
        - Pack.

        ## v1.0.0-beta.1
        - First.

        [Unreleased]: https://github.com/kiln/kiln/compare/v1.2.0...HEAD
        [1.2.0]: https://github.com/kiln/kiln/compare/v1.1.0...v1.2.0
        [1.1.0]: https://github.com/kiln/kiln/releases/tag/v1.1.0
        """;

    [Theory]
    [InlineData("## [1.2.0] - 2026-11-20")]
    [InlineData("## [1.2.0]")]
    [InlineData("## [v1.2.0]")]
    [InlineData("## [1.2.0](https://github.com/kiln/kiln/compare/v1.1.0...v1.2.0) (2026-11-20)")]
    [InlineData("## 1.2.0")]
    [InlineData("## 1.2.0 - 2026-11-20")]
    [InlineData("## v1.2.0")]
    public void Each_heading_form_names_its_version(string heading)
    {
        Assert.Equal("- Notes.", ReleaseNotes.Extract($"# Changelog\n\n{heading}\n- Notes.\n", "1.2.0"));
    }

    [Fact]
    public void The_notes_are_the_versions_section_up_to_the_next_version_heading_with_its_subheadings()
    {
        Assert.Equal("### Added\n- Publish to NuGet.\n\n### Fixed\n- A crash.", ReleaseNotes.Extract(Changelog, "1.2.0"));
    }

    [Fact]
    public void A_tag_with_a_leading_v_finds_the_version()
    {
        Assert.Equal("- Pack.", ReleaseNotes.Extract(Changelog, "v1.1.0"));
    }

    [Fact]
    public void The_last_section_leaves_out_the_link_definitions_that_close_the_file()
    {
        Assert.Equal("- First.", ReleaseNotes.Extract(Changelog, "1.0.0-beta.1"));
    }

    [Fact]
    public void A_link_definition_inside_a_section_stays_with_its_text()
    {
        var changelog = "## [1.2.0]\n- Fixed [#12].\n\n[#12]: https://github.com/kiln/kiln/issues/12\n\n## [1.1.0]\n- Pack.\n";

        Assert.Equal("- Fixed [#12].\n\n[#12]: https://github.com/kiln/kiln/issues/12", ReleaseNotes.Extract(changelog, "1.2.0"));
    }

    [Fact]
    public void A_heading_inside_a_code_block_does_not_end_the_section()
    {
        var changelog = "## [1.2.0]\n- Run it:\n\n```sh\n# from the root\n## twice\n./build.sh Publish\n```\n\n## [1.1.0]\n- Pack.\n";

        Assert.Equal("- Run it:\n\n```sh\n# from the root\n## twice\n./build.sh Publish\n```", ReleaseNotes.Extract(changelog, "1.2.0"));
    }

    [Fact]
    public void Windows_line_endings_are_read_as_lines()
    {
        Assert.Equal("- Notes.", ReleaseNotes.Extract("## [1.2.0]\r\n- Notes.\r\n## [1.1.0]\r\n- Pack.\r\n", "1.2.0"));
    }

    [Fact]
    public void A_version_without_a_section_has_no_notes_even_with_an_Unreleased_section()
    {
        Assert.Null(ReleaseNotes.Extract(Changelog, "1.3.0"));
    }

    [Fact]
    public void A_version_is_not_matched_by_a_longer_one_that_starts_like_it()
    {
        Assert.Null(ReleaseNotes.Extract("## [1.2.0-beta.1]\n- Beta.\n## 1.2.01\n- Odd.", "1.2.0"));
    }

    [Fact]
    public void A_version_mentioned_outside_a_level_two_heading_is_not_a_section()
    {
        Assert.Null(ReleaseNotes.Extract("## [1.3.0]\n### 1.2.0 compatibility\n- Notes.\n", "1.2.0"));
    }

    [Fact]
    public void The_changelog_file_gives_the_notes_of_the_version()
    {
        using var changelog = new ChangelogFile(Changelog);

        Assert.Equal("- Pack.", ReleaseNotes.FromChangelog(changelog.Path, "v1.1.0"));
    }

    [Fact]
    public void A_missing_section_is_an_error_naming_the_file_the_version_and_the_fix()
    {
        using var changelog = new ChangelogFile(Changelog);

        var exception = Assert.Throws<KilnException>(() => ReleaseNotes.FromChangelog(changelog.Path, "v2.0.0"));

        Assert.Equal(
            $"{changelog.Path} has no section for 2.0.0: add a '## [2.0.0] - yyyy-mm-dd' heading with the release's changes (rename [Unreleased]), commit, and tag again.",
            exception.Message);
    }

    [Fact]
    public void An_empty_section_is_an_error_naming_the_file_and_the_version()
    {
        using var changelog = new ChangelogFile("## [1.2.0] - 2026-11-20\n\n## [1.1.0]\n- Pack.\n");

        var exception = Assert.Throws<KilnException>(() => ReleaseNotes.FromChangelog(changelog.Path, "1.2.0"));

        Assert.Equal($"{changelog.Path} has an empty section for 1.2.0: list the release's changes under its heading, commit, and tag again.", exception.Message);
    }

    [Fact]
    public void A_missing_changelog_is_an_error_naming_the_file_the_version_and_the_fix()
    {
        var missing = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kiln-changelog-{Guid.NewGuid():N}.md");

        var exception = Assert.Throws<KilnException>(() => ReleaseNotes.FromChangelog(missing, "1.2.0"));

        Assert.Equal(
            $"{missing} does not exist: the release notes of 1.2.0 come from it; create it with a '## [1.2.0] - yyyy-mm-dd' section (keepachangelog.com).",
            exception.Message);
    }

    /// <summary>A changelog in a temporary file, deleted on dispose.</summary>
    private sealed class ChangelogFile : IDisposable
    {
        public ChangelogFile(string text)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kiln-changelog-{Guid.NewGuid():N}.md");
            File.WriteAllText(Path, text);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
