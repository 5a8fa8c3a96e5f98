namespace Kiln.BuildMembersGenerator;

/// <summary>One generated source file; compared by value, so an edit that changes no build's members writes nothing again.</summary>
internal sealed record GeneratedFile(string HintName, string Text);
