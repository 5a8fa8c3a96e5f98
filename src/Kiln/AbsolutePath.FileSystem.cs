using System.Text;

namespace Kiln;

public sealed partial class AbsolutePath
{
    /// <summary>True when a file or a folder exists at this path.</summary>
    public bool Exists() => File.Exists(path) || Directory.Exists(path);

    /// <summary>True when a file exists at this path.</summary>
    public bool FileExists() => File.Exists(path);

    /// <summary>True when a folder exists at this path.</summary>
    public bool DirectoryExists() => Directory.Exists(path);

    /// <summary>Creates this folder and its parents unless it exists; returns this path.</summary>
    public AbsolutePath CreateDirectory()
    {
        Directory.CreateDirectory(path);
        return this;
    }

    /// <summary>Creates this folder, or empties it when it exists (the folder itself stays); returns this path.</summary>
    public AbsolutePath CreateOrCleanDirectory()
    {
        if (!Directory.Exists(path))
        {
            return CreateDirectory();
        }

        foreach (var file in Directory.EnumerateFiles(path))
        {
            DeleteWritable(file);
        }

        foreach (var folder in Directory.EnumerateDirectories(path))
        {
            (this / Path.GetFileName(folder)).DeleteDirectory();
        }

        return this;
    }

    /// <summary>Deletes this folder with everything in it, read-only files included; nothing when it does not exist.</summary>
    public void DeleteDirectory()
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        // git marks its object files read-only, which Directory.Delete refuses on Windows.
        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(path, recursive: true);
    }

    /// <summary>Deletes this file, even when it is read-only; nothing when it does not exist.</summary>
    public void DeleteFile()
    {
        if (File.Exists(path))
        {
            DeleteWritable(path);
        }
    }

    /// <summary>The file's text (UTF-8 unless a byte order mark says otherwise).</summary>
    public string ReadAllText() => File.ReadAllText(path);

    /// <summary>The file's lines.</summary>
    public string[] ReadAllLines() => File.ReadAllLines(path);

    /// <summary>Writes the text (UTF-8 without a byte order mark unless <paramref name="encoding"/> says otherwise),
    /// creating the parent folders; returns this path.</summary>
    public AbsolutePath WriteAllText(string text, Encoding? encoding = null)
    {
        Parent?.CreateDirectory();
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return this;
    }

    private static void DeleteWritable(string file)
    {
        File.SetAttributes(file, FileAttributes.Normal);
        File.Delete(file);
    }
}
