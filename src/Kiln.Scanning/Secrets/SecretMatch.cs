namespace Kiln.Scanning.Secrets;

/// <summary>A value a rule matched in a text: where it starts and how long it is. Internal: it holds the value itself.</summary>
internal readonly record struct SecretMatch(SecretRule Rule, int Index, int Length, string Value);
