namespace Kiln.Tools.FluentApiGenerator;

/// <summary>
/// The generated code of one declaration (a record's setters, a tool method's tasks): members of a static partial
/// class, in a file of their own. Strings only, so the incremental pipeline compares it by value and generates again
/// only what an edit changed; and a class, so the pipeline's generic code over it is the compiler's precompiled code.
/// </summary>
/// <param name="Namespace">The namespace the generated class goes into.</param>
/// <param name="ClassName">The generated static partial class.</param>
/// <param name="ClassSummary">The XML summary of that class, when this part documents it.</param>
/// <param name="Members">The generated members, indented one level.</param>
/// <param name="HintName">The generated file's name, unique in the compilation.</param>
internal sealed record GeneratedMembers(string Namespace, string ClassName, string? ClassSummary, string Members, string HintName);
