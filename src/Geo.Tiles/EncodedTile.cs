using System.Security.Cryptography;

namespace Geo.Tiles;

/// <summary>
/// A cut tile and its strong entity tag (a hash of the bytes, quoted). <see cref="Bytes"/> is empty for a
/// tile with no feature. Immutable by convention: nobody writes to <see cref="Bytes"/>; thread-safe.
/// </summary>
public sealed record EncodedTile(byte[] Bytes, string ETag)
{
    public bool IsEmpty => Bytes.Length == 0;

    public static EncodedTile From(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new EncodedTile(bytes, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16))}\"");
    }
}
