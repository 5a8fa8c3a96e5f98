namespace Kiln.UnitTests;

/// <summary>An empty temporary folder as an <see cref="AbsolutePath"/> that deletes itself.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory() =>
        Path = AbsolutePath.Create(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kiln-unit-" + Guid.NewGuid().ToString("N"))).CreateDirectory();

    public AbsolutePath Path { get; }

    /// <summary>Writes a file (creating its folders) and returns its path.</summary>
    public AbsolutePath File(string relativePath, string text = "") => (Path / relativePath).WriteAllText(text);

    public void Dispose() => Path.DeleteDirectory();
}
