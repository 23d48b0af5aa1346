using System.Text;

namespace SiteGen.Rendering.Pipeline;

/// <summary>
/// The built site in memory: relative path ('/'-separated) to bytes, plus files carried over unchanged from the
/// previous output (incremental builds). Written to disk only when the whole build succeeded.
/// </summary>
public sealed class SiteFiles
{
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _carried = new(StringComparer.Ordinal);

    /// <summary>Files rendered by this build.</summary>
    public IReadOnlyDictionary<string, byte[]> All => _files;

    /// <summary>Files reused from the previous output: output path to the file on disk.</summary>
    public IReadOnlyDictionary<string, string> CarriedOver => _carried;

    public bool Contains(string path) => _files.ContainsKey(path) || _carried.ContainsKey(path);

    public IEnumerable<string> Paths => _files.Keys.Concat(_carried.Keys).Order(StringComparer.Ordinal);

    public byte[] Read(string path) => _files.TryGetValue(path, out var b) ? b : File.ReadAllBytes(_carried[path]);

    public void Add(string path, byte[] bytes)
    {
        if (Contains(path)) throw new InvalidOperationException($"two outputs write '{path}'");
        _files.Add(path, bytes);
    }

    public void Add(string path, string text) => Add(path, new UTF8Encoding(false).GetBytes(text));

    public void CarryOver(string path, string diskFile)
    {
        if (Contains(path)) throw new InvalidOperationException($"two outputs write '{path}'");
        _carried.Add(path, diskFile);
    }
}
