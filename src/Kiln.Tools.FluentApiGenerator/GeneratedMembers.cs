namespace Kiln.Tools.FluentApiGenerator;

/// <summary>
/// The generated code of one declaration (a property, a method), in source order within its file. Strings only, so the
/// incremental pipeline compares it by value and generates again only what an edit changed.
/// </summary>
/// <param name="Namespace">The namespace the generated class goes into.</param>
/// <param name="ClassName">The generated static partial class.</param>
/// <param name="ClassSummary">The XML summary of that class, the same for each member of it.</param>
/// <param name="Members">The generated members, indented one level.</param>
/// <param name="FilePath">The declaration's file, for a stable order.</param>
/// <param name="Position">The declaration's place in its file, for a stable order.</param>
internal sealed record GeneratedMembers(string Namespace, string ClassName, string? ClassSummary, string Members, string FilePath, int Position);
