using System.ComponentModel;
using System.Globalization;

namespace Kiln;

/// <summary>
/// A normalized absolute path. Combine with <c>/</c>: <c>RootDirectory / "artifacts" / "packages"</c>.
/// Converts to and from string, so it works as a parameter type (relative values resolve against the current directory).
/// The file system operations (globbing, creating, deleting, copying) are in the other <c>AbsolutePath.*.cs</c> files.
/// </summary>
[TypeConverter(typeof(AbsolutePathConverter))]
public sealed partial class AbsolutePath : IEquatable<AbsolutePath>
{
    private readonly string path;

    private AbsolutePath(string path) => this.path = path;

    /// <summary>The last segment: the file or folder name.</summary>
    public string Name => Path.GetFileName(path);

    /// <summary>The containing folder, or null at a file system root.</summary>
    public AbsolutePath? Parent => Path.GetDirectoryName(path) is { } parent ? new AbsolutePath(parent) : null;

    /// <summary>Creates a path from an absolute path; relative paths are rejected, so mistakes surface early.</summary>
    public static AbsolutePath Create(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!Path.IsPathRooted(path))
        {
            throw new ArgumentException($"'{path}' is not an absolute path: combine it with RootDirectory, as RootDirectory / \"{path}\".", nameof(path));
        }

        var full = Path.GetFullPath(path);
        var trimmed = Path.TrimEndingDirectorySeparator(full);
        return new AbsolutePath(trimmed.Length == 0 ? full : trimmed);
    }

    /// <summary>The file name without its last extension: <c>Kiln.1.0.0</c> for <c>Kiln.1.0.0.nupkg</c>.</summary>
    public string NameWithoutExtension => Path.GetFileNameWithoutExtension(path);

    /// <summary>The last extension with its dot (<c>.nupkg</c>), or an empty string.</summary>
    public string Extension => Path.GetExtension(path);

    /// <summary>
    /// Appends a relative path (which may contain several segments or ..). Backslashes count as separators on every
    /// platform, so <c>RootDirectory / @"src\Kiln"</c> is <c>src/Kiln</c> on Linux too; an absolute right side wins.
    /// </summary>
    public static AbsolutePath operator /(AbsolutePath left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return Create(Path.Combine(left.path, WithPlatformSeparators(right)));
    }

    /// <summary>Appends text to the last segment, as <c>ArtifactsDirectory / "site" + ".zip"</c>.</summary>
    public static AbsolutePath operator +(AbsolutePath left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return Create(left.path + WithPlatformSeparators(right));
    }

    /// <summary>The path as a string.</summary>
    public static implicit operator string(AbsolutePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.path;
    }

    /// <summary>Converts an absolute path written as text, as <c>(AbsolutePath)"/tmp/out"</c>; see <see cref="Create"/>.</summary>
    public static explicit operator AbsolutePath(string path) => Create(path);

    /// <summary>Compares two paths (ordinal; file systems here are case-sensitive).</summary>
    public static bool operator ==(AbsolutePath? left, AbsolutePath? right) => Equals(left, right);

    /// <summary>Compares two paths.</summary>
    public static bool operator !=(AbsolutePath? left, AbsolutePath? right) => !Equals(left, right);

    /// <summary>Appends a relative path.</summary>
    public AbsolutePath Combine(string relative) => this / relative;

    /// <summary>The same path with another extension (<c>".zip"</c>, or empty to remove it).</summary>
    public AbsolutePath WithExtension(string extension) => Create(Path.ChangeExtension(path, extension.Length == 0 ? null : extension));

    /// <summary>Builds are written on Windows and run on Linux: a backslash in a relative part is a separator.</summary>
    private static string WithPlatformSeparators(string text) =>
        Path.DirectorySeparatorChar == '/' ? text.Replace('\\', '/') : text;

    /// <summary>This path relative to <paramref name="basePath"/>, with forward slashes.</summary>
    public string RelativeTo(AbsolutePath basePath)
    {
        ArgumentNullException.ThrowIfNull(basePath);
        return Path.GetRelativePath(basePath.path, path).Replace('\\', '/');
    }

    /// <inheritdoc/>
    public bool Equals(AbsolutePath? other) => other is not null && string.Equals(path, other.path, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AbsolutePath other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(path);

    /// <inheritdoc/>
    public override string ToString() => path;

    /// <summary>Converts text to a path; relative text resolves against the current directory.</summary>
    private sealed class AbsolutePathConverter : TypeConverter
    {
        public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
            sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

        public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
            value is string text ? Create(Path.GetFullPath(text)) : base.ConvertFrom(context, culture, value);
    }
}
