using System.Security.Cryptography;
using System.Text;

namespace SiteGen.Content.Loading;

/// <summary>
/// A SHA-256 over files (each one's path relative to <c>root</c> and its bytes, in ordinal order) and extra strings: what
/// the build cache (in the output's manifest) and serve's content cache decide "unchanged" by.
/// </summary>
public static class FileDigest
{
    /// <param name="salt">Bytes added last (the build cache adds the SiteGen build's identity).</param>
    public static string Of(IEnumerable<string> files, string root, IEnumerable<string> extra, ReadOnlySpan<byte> salt = default)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.Distinct().Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file).Replace('\\', '/') + "\n"));
            hash.AppendData(FileBytes.Read(file));
        }
        foreach (var s in extra) hash.AppendData(Encoding.UTF8.GetBytes(s + "\n"));
        hash.AppendData(salt);
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
