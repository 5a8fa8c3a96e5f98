using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kiln.GitHubActions;

/// <summary>Passes events through to the YAML emitter and puts an inline comment after chosen scalars (a pinned SHA's version).</summary>
internal sealed class CommentingEmitter(IEmitter inner, IReadOnlyDictionary<string, string> comments) : IEmitter
{
    public void Emit(ParsingEvent @event)
    {
        inner.Emit(@event);
        if (@event is Scalar scalar && comments.TryGetValue(scalar.Value, out var comment))
        {
            inner.Emit(new Comment(comment, isInline: true));
        }
    }
}
