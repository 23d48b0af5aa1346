using System.Text;

namespace SiteGen.Rendering.Pipeline;

/// <summary>The built site in memory: relative path ('/'-separated) to bytes. Written to disk only when the whole build succeeded.</summary>
public sealed class SiteFiles
{
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> All => _files;

    public void Add(string path, byte[] bytes)
    {
        if (!_files.TryAdd(path, bytes)) throw new InvalidOperationException($"two outputs write '{path}'");
    }

    public void Add(string path, string text) => Add(path, new UTF8Encoding(false).GetBytes(text));
}
