using System.Globalization;
using System.Text;

namespace Geo.Spatial.Projection;

/// <summary>
/// One <c>KEYWORD[value, value, ...]</c> element of a well-known text CRS (WKT1, ESRI or WKT2; square or round
/// brackets). Values are strings (quoted text), numbers, bare words (e.g. axis directions) or child elements.
/// </summary>
internal sealed class WktNode
{
    // Deep enough for any real CRS (a WKT2 bound CRS nests about 8 deep); stops hostile input overflowing the stack.
    private const int MaxDepth = 32;

    private WktNode(string keyword, List<object> values)
    {
        Keyword = keyword;
        Values = values;
    }

    public string Keyword { get; }

    /// <summary>string (quoted text or a bare word), double or <see cref="WktNode"/>.</summary>
    public IReadOnlyList<object> Values { get; }

    /// <summary>The quoted name that WKT puts first, or an empty string.</summary>
    public string Name => Values.Count > 0 && Values[0] is string name ? name : string.Empty;

    public IEnumerable<WktNode> Children => Values.OfType<WktNode>();

    /// <summary>The root element of <paramref name="text"/>, or null when it is not well-formed WKT.</summary>
    public static WktNode? TryParse(string text)
    {
        // A .prj written by Windows tools may start with a byte order mark.
        var position = text.StartsWith('\uFEFF') ? 1 : 0;
        var node = ReadNode(text, ref position, 0);
        SkipSpace(text, ref position);
        return position == text.Length ? node : null;
    }

    public bool Is(params string[] keywords) =>
        keywords.Any(k => Keyword.Equals(k, StringComparison.OrdinalIgnoreCase));

    /// <summary>The n-th value as a number, if it is one.</summary>
    public double? Number(int index) => index < Values.Count && Values[index] is double d ? d : null;

    public WktNode? Child(params string[] keywords) => Children.FirstOrDefault(c => c.Is(keywords));

    /// <summary>This element and all below it, depth first.</summary>
    public IEnumerable<WktNode> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var descendant in child.DescendantsAndSelf())
            {
                yield return descendant;
            }
        }
    }

    private static WktNode? ReadNode(string text, ref int position, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        SkipSpace(text, ref position);
        var keyword = ReadWord(text, ref position);
        SkipSpace(text, ref position);
        if (keyword.Length == 0 || position >= text.Length || (text[position] != '[' && text[position] != '('))
        {
            return null;
        }

        var close = text[position] == '[' ? ']' : ')';
        position++;
        var values = new List<object>();
        while (true)
        {
            SkipSpace(text, ref position);
            if (position >= text.Length)
            {
                return null;
            }

            if (text[position] == close && values.Count == 0)
            {
                position++;
                return new WktNode(keyword, values);
            }

            var value = ReadValue(text, ref position, depth);
            if (value is null)
            {
                return null;
            }

            values.Add(value);
            SkipSpace(text, ref position);
            if (position >= text.Length)
            {
                return null;
            }

            if (text[position] == ',')
            {
                position++;
            }
            else if (text[position] == close)
            {
                position++;
                return new WktNode(keyword, values);
            }
            else
            {
                return null;
            }
        }
    }

    private static object? ReadValue(string text, ref int position, int depth)
    {
        var c = text[position];
        if (c == '"')
        {
            return ReadQuoted(text, ref position);
        }

        if (char.IsAsciiDigit(c) || c is '-' or '+' or '.')
        {
            var start = position;
            while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] is '-' or '+' or '.' or 'e' or 'E'))
            {
                position++;
            }

            return double.TryParse(text.AsSpan(start, position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number
                : null;
        }

        var wordStart = position;
        var word = ReadWord(text, ref position);
        if (word.Length == 0)
        {
            return null;
        }

        var afterWord = position;
        SkipSpace(text, ref position);
        if (position < text.Length && text[position] is '[' or '(')
        {
            position = wordStart;
            return ReadNode(text, ref position, depth + 1);
        }

        position = afterWord;
        return word;
    }

    private static string? ReadQuoted(string text, ref int position)
    {
        // WKT escapes a quote inside a string by doubling it.
        var builder = new StringBuilder();
        position++;
        while (position < text.Length)
        {
            var c = text[position++];
            if (c != '"')
            {
                builder.Append(c);
            }
            else if (position < text.Length && text[position] == '"')
            {
                builder.Append('"');
                position++;
            }
            else
            {
                return builder.ToString();
            }
        }

        return null;
    }

    private static string ReadWord(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
        {
            position++;
        }

        return text[start..position];
    }

    private static void SkipSpace(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }
}
