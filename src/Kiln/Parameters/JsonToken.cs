namespace Kiln.Parameters;

/// <summary>The kinds of token <see cref="FlatJsonReader"/> tells apart.</summary>
internal enum JsonToken
{
    End,
    StartObject,
    EndObject,
    StartArray,
    EndArray,
    Comma,
    Colon,
    String,
    Literal,
}
