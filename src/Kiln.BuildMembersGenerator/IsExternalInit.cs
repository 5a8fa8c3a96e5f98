namespace System.Runtime.CompilerServices;

/// <summary>Lets netstandard2.0 compile records and init accessors; the runtime needs nothing of it.</summary>
internal static class IsExternalInit
{
}
