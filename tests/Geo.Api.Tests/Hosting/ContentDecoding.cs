using System.IO.Compression;

namespace Geo.Api.Tests.Hosting;

/// <summary>Decodes a body sent with a Content-Encoding, with .NET's stream decoders.</summary>
internal static class ContentDecoding
{
    /// <summary>The plain bytes of <paramref name="body"/> sent in <paramref name="coding"/> (br, gzip, or null for none).</summary>
    public static byte[] Decode(byte[] body, string? coding)
    {
        if (coding is null)
        {
            return body;
        }

        using var input = new MemoryStream(body);
        using Stream decoder = coding == "br"
            ? new BrotliStream(input, CompressionMode.Decompress)
            : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
