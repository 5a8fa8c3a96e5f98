using Azure.Core;
using Azure.Core.Pipeline;

namespace Kiln.FreezingDeploy;

/// <summary>
/// Passes every request; once the storage has answered the write that marks the freeze point, prints "frozen: &lt;point&gt;"
/// and never returns, so the deploy stands still exactly there until the process is killed.
/// </summary>
/// <param name="point">uploaded: after the release's manifest is written (all files stored, pointer not moved);
/// pointer: after the pointer is written (history entry not yet written).</param>
/// <param name="environment">The environment whose pointer marks the "pointer" point.</param>
internal sealed class FreezePoint(string point, string environment) : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        var request = message.Request;
        var path = request.Uri.Path;
        var written = request.Method == RequestMethod.Put && message.Response.Status is 201 && string.IsNullOrEmpty(request.Uri.Query);
        var reached = point switch
        {
            "uploaded" => written && path.EndsWith("/manifest.json", StringComparison.Ordinal),
            "pointer" => written && path.EndsWith($"/environments/{environment}/current.json", StringComparison.Ordinal) && request.Content is not null && ContentLength(request) > 0,
            _ => false,
        };
        if (reached)
        {
            await Console.Out.WriteLineAsync($"frozen: {point}").ConfigureAwait(false);
            await Console.Out.FlushAsync().ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite).ConfigureAwait(false);
        }
    }

    private static long ContentLength(Request request) => request.Content!.TryComputeLength(out var length) ? length : 0;
}
