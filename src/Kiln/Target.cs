namespace Kiln;

/// <summary>
/// A node of the build graph. Declare one as a property of the build class (or as a default
/// member of an interface the build implements): <c>Target Compile =&gt; _ =&gt; _.DependsOn(Restore).Executes(...)</c>.
/// </summary>
/// <param name="definition">The definition to configure.</param>
/// <returns>The configured definition.</returns>
public delegate ITargetDefinition Target(ITargetDefinition definition);
