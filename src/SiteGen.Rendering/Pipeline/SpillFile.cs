using Microsoft.Win32.SafeHandles;

namespace SiteGen.Rendering.Pipeline;

/// <summary>
/// A scratch file for what a large build must keep until the end but need not keep in memory: each drawn
/// neighbourhood's links that leave it and its part of the site-wide data files. Written from any thread, read back
/// by slice. It never shows in a folder: on Linux and macOS it is unlinked as soon as it is opened (the kernel frees it
/// when the process ends, however it ends), on Windows it is deleted on close. Where the temporary folder cannot be
/// written, the slices are kept in memory instead (as before there was a spill file).
/// </summary>
public sealed class SpillFile : IDisposable
{
    /// <summary>Bytes appended to a spill file; <see cref="SpillFile.Read(Slice, Span{byte})"/> gets them back.</summary>
    public readonly record struct Slice(SpillFile File, long Offset, int Length);

    private readonly object _gate = new();
    private SafeFileHandle? _handle;
    private List<byte[]>? _memory;
    private long _end;
    private readonly string _folder;

    private SpillFile(string folder) => _folder = folder;

    /// <summary>A spill file in <paramref name="folder"/> (default: the system's temporary folder), made when the first bytes are appended.</summary>
    public static SpillFile Create(string? folder = null) => new(folder ?? Path.GetTempPath());

    /// <summary>Appends <paramref name="bytes"/>; safe to call from several threads (each gets a range of its own).</summary>
    public Slice Append(ReadOnlySpan<byte> bytes)
    {
        var handle = Open();
        if (handle is null)
        {
            lock (_gate)
            {
                _memory!.Add(bytes.ToArray());
                return new Slice(this, _memory.Count - 1, bytes.Length);
            }
        }
        long at = Interlocked.Add(ref _end, bytes.Length) - bytes.Length;
        RandomAccess.Write(handle, bytes, at);
        return new Slice(this, at, bytes.Length);
    }

    /// <summary>Reads a slice into the start of <paramref name="into"/> (at least <see cref="Slice.Length"/> long).</summary>
    public void Read(Slice slice, Span<byte> into) => Read(slice, 0, into[..slice.Length]);

    /// <summary>Reads part of a slice, from <paramref name="from"/> on, filling <paramref name="into"/>.</summary>
    public void Read(Slice slice, int from, Span<byte> into)
    {
        if (from < 0 || from + into.Length > slice.Length) throw new ArgumentOutOfRangeException(nameof(from), "beyond the slice");
        var handle = Open();
        if (handle is null)
        {
            lock (_gate) _memory![(int)slice.Offset].AsSpan(from, into.Length).CopyTo(into);
            return;
        }
        ReadAt(handle, into, slice.Offset + from, "het tijdelijke bestand van de build is korter dan verwacht");
    }

    /// <summary>Fills <paramref name="into"/> from <paramref name="file"/> at <paramref name="offset"/>; a file that ends first is an error with <paramref name="shorter"/> as its message.</summary>
    internal static void ReadAt(SafeFileHandle file, Span<byte> into, long offset, string shorter)
    {
        for (int read = 0; read < into.Length;)
        {
            int n = RandomAccess.Read(file, into[read..], offset + read);
            if (n == 0) throw new IOException(shorter);
            read += n;
        }
    }

    /// <summary>The open scratch file, or null when the slices are kept in memory.</summary>
    private SafeFileHandle? Open()
    {
        if (_handle is not null) return _handle;
        lock (_gate)
        {
            if (_handle is not null || _memory is not null) return _handle;
            string path = Path.Combine(_folder, $"sitegen-{Environment.ProcessId}-{Guid.NewGuid():N}.spill");
            try
            {
                var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
                if (!OperatingSystem.IsWindows())
                {
                    try { File.Delete(path); }
                    catch (IOException) { } // deleted on close then
                    catch (UnauthorizedAccessException) { }
                }
                return _handle = handle;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _memory = [];
                return null;
            }
        }
    }

    public void Dispose() => _handle?.Dispose();
}
