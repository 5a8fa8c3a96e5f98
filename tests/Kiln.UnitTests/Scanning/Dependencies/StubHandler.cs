using System.Net;

namespace Kiln.UnitTests.Scanning.Dependencies;

/// <summary>Answers HTTP requests from a function and records what was asked.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<Uri> Requests { get; } = [];

    /// <summary>A service index with the given resource types.</summary>
    public static HttpResponseMessage ServiceIndex(params string[] types) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(
            $$"""{ "version": "3.0.0", "resources": [{{string.Join(",", types.Select(type => $$"""{ "@id": "https://x.test/{{type}}/", "@type": "{{type}}" }"""))}}] }"""),
    };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request.RequestUri!);
        }

        return Task.FromResult(answer(request));
    }
}
