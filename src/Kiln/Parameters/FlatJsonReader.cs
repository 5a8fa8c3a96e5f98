using System.Globalization;
using System.Text;

namespace Kiln.Parameters;

/// <summary>
/// Reads the JSON of a parameters file: one object whose values are strings, numbers, booleans, null or arrays of
/// them, with comments and trailing commas allowed. Objects nested in it are read only to be refused.
/// </summary>
/// <remarks>
/// Written for the start of every run: System.Text.Json's reader made loading its assembly the dearest step of
/// <c>./build.sh --help</c> (about 6 ms of 45) for a file of a few lines.
/// </remarks>
internal sealed class FlatJsonReader
{
    private readonly string text;
    private int position;

    public FlatJsonReader(byte[] utf8)
    {
        text = Encoding.UTF8.GetString(utf8);
        position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
    }

    /// <summary>The line (from 1) of the next token, or of the end.</summary>
    public int Line
    {
        get
        {
            SkipBlank();
            return LineAt(position);
        }
    }

    /// <summary>The kind of the next token without reading it.</summary>
    public JsonToken Peek()
    {
        SkipBlank();
        if (position >= text.Length)
        {
            return JsonToken.End;
        }

        return text[position] switch
        {
            '{' => JsonToken.StartObject,
            '}' => JsonToken.EndObject,
            '[' => JsonToken.StartArray,
            ']' => JsonToken.EndArray,
            ',' => JsonToken.Comma,
            ':' => JsonToken.Colon,
            '"' => JsonToken.String,
            _ => JsonToken.Literal,
        };
    }

    /// <summary>Reads a token of the given kind, one character long ({, }, [, ], ',', ':').</summary>
    public void Expect(JsonToken token, string what)
    {
        if (Peek() != token)
        {
            throw Unexpected(what);
        }

        position++;
    }

    /// <summary>Reads the token if it is the given one-character kind.</summary>
    public bool Accept(JsonToken token)
    {
        if (Peek() != token)
        {
            return false;
        }

        position++;
        return true;
    }

    /// <summary>Reads a string token and returns its value, escapes resolved.</summary>
    public string ReadString()
    {
        if (Peek() != JsonToken.String)
        {
            throw Unexpected("a string in double quotes");
        }

        var start = position++;
        var value = new StringBuilder();
        while (position < text.Length)
        {
            var character = text[position++];
            switch (character)
            {
                case '"':
                    return value.ToString();
                case '\\':
                    value.Append(Escaped());
                    break;
                case < ' ':
                    throw Problem(LineAt(position - 1), "a string holds a line break or control character; write it as an escape (\\n, \\t)");
                default:
                    value.Append(character);
                    break;
            }
        }

        throw Problem(LineAt(start), "a string is not closed with a double quote");
    }

    /// <summary>Reads true, false, null or a number, and returns its text (null for null).</summary>
    public string? ReadLiteral()
    {
        SkipBlank();
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '-' or '+' or '.'))
        {
            position++;
        }

        var literal = text[start..position];
        return literal switch
        {
            "true" or "false" => literal,
            "null" => null,
            _ when IsNumber(literal) => literal,
            _ => throw Problem(LineAt(start), literal.Length == 0
                ? $"'{text[start]}' is not a JSON value; expected a string, number, true, false, null, an array or an object"
                : $"'{literal}' is not a JSON value; expected a string, number, true, false, null, an array or an object"),
        };
    }

    /// <summary>Reads a whole value of any kind (an object or array nested to any depth), only to move past it.</summary>
    public void SkipValue()
    {
        switch (Peek())
        {
            case JsonToken.StartObject:
                SkipItems(JsonToken.EndObject, keyed: true);
                return;
            case JsonToken.StartArray:
                SkipItems(JsonToken.EndArray, keyed: false);
                return;
            case JsonToken.String:
                ReadString();
                return;
            default:
                ReadLiteral();
                return;
        }
    }

    /// <summary>A problem at the next token: what was expected and what is there.</summary>
    public FormatException Unexpected(string expected)
    {
        var token = Peek();
        var found = token == JsonToken.End ? "the end of the file" : $"'{text[position]}'";
        return Problem(LineAt(position), $"expected {expected}, found {found}");
    }

    /// <summary>A problem in the file at a line; the message is the problem alone, the line is in <see cref="Exception.Data"/>.</summary>
    private static FormatException Problem(int line, string problem) => new(problem) { Data = { ["Line"] = line } };

    /// <summary>Moves past an object's entries (keyed) or an array's items, from its opening bracket to its closing one.</summary>
    private void SkipItems(JsonToken end, bool keyed)
    {
        position++;
        while (!Accept(end))
        {
            if (keyed)
            {
                ReadString();
                Expect(JsonToken.Colon, "':' after the key");
            }

            SkipValue();
            if (!Accept(JsonToken.Comma))
            {
                Expect(end, end == JsonToken.EndObject ? "',' or '}'" : "',' or ']'");
                return;
            }
        }
    }

    private char Escaped()
    {
        if (position >= text.Length)
        {
            throw Problem(LineAt(position), "a string ends inside an escape");
        }

        var escape = text[position++];
        switch (escape)
        {
            case '"' or '\\' or '/':
                return escape;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u' when position + 4 <= text.Length
                && ushort.TryParse(text.AsSpan(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                position += 4;
                return (char)code;
            default:
                throw Problem(LineAt(position - 1), $"'\\{escape}' is not a JSON escape; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX");
        }
    }

    private void SkipBlank()
    {
        while (position < text.Length)
        {
            var character = text[position];
            if (character is ' ' or '\t' or '\r' or '\n')
            {
                position++;
            }
            else if (character == '/' && position + 1 < text.Length && text[position + 1] == '/')
            {
                var end = text.IndexOf('\n', position);
                position = end < 0 ? text.Length : end + 1;
            }
            else if (character == '/' && position + 1 < text.Length && text[position + 1] == '*')
            {
                var end = text.IndexOf("*/", position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Problem(LineAt(position), "a /* comment is not closed with */");
                }

                position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private int LineAt(int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    /// <summary>JSON's number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    private static bool IsNumber(string literal)
    {
        var i = 0;
        if (i < literal.Length && literal[i] == '-')
        {
            i++;
        }

        if (i < literal.Length && literal[i] == '0')
        {
            i++;
        }
        else if (!Digits(literal, ref i))
        {
            return false;
        }

        if (i < literal.Length && literal[i] == '.')
        {
            i++;
            if (!Digits(literal, ref i))
            {
                return false;
            }
        }

        if (i < literal.Length && literal[i] is 'e' or 'E')
        {
            i++;
            if (i < literal.Length && literal[i] is '+' or '-')
            {
                i++;
            }

            if (!Digits(literal, ref i))
            {
                return false;
            }
        }

        return i == literal.Length;
    }

    private static bool Digits(string literal, ref int i)
    {
        var start = i;
        while (i < literal.Length && char.IsAsciiDigit(literal[i]))
        {
            i++;
        }

        return i > start;
    }
}
