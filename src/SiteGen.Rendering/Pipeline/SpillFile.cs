using Microsoft.Win32.SafeHandles;

namespace SiteGen.Rendering.Pipeline;

/// <summary>
/// A scratch file for what a large build must keep until the end but need not keep in memory: each drawn
/// neighbourhood's links that leave it and its part of the site-wide data files. Written from any thread, read back
/// by slice. It never shows in a folder: on Linux and macOS it is unlinked as soon as it is opened (the kernel frees it
/// when the process ends, however it ends), on Windows it is deleted on close.
/// </summary>
public sealed class SpillFile : IDisposable
{
    /// <summary>Bytes appended to a spill file; <see cref="Read"/> gets them back.</summary>
    public readonly record struct Slice(SpillFile File, long Offset, int Length)
    {
        public byte[] Read() => File.Read(this);
    }

    private readonly SafeFileHandle _handle;
    private long _end;

    private SpillFile(SafeFileHandle handle) => _handle = handle;

    /// <summary>A new spill file in the system's temporary folder.</summary>
    public static SpillFile Create()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sitegen-{Environment.ProcessId}-{Guid.NewGuid():N}.spill");
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            try { File.Delete(path); }
            catch (IOException) { } // deleted on close then
            catch (UnauthorizedAccessException) { }
        }
        return new SpillFile(handle);
    }

    /// <summary>Appends <paramref name="bytes"/>; safe to call from several threads (each gets a range of its own).</summary>
    public Slice Append(ReadOnlySpan<byte> bytes)
    {
        long at = Interlocked.Add(ref _end, bytes.Length) - bytes.Length;
        RandomAccess.Write(_handle, bytes, at);
        return new Slice(this, at, bytes.Length);
    }

    public byte[] Read(Slice slice)
    {
        var bytes = new byte[slice.Length];
        for (int read = 0; read < bytes.Length;)
        {
            int n = RandomAccess.Read(_handle, bytes.AsSpan(read), slice.Offset + read);
            if (n == 0) throw new IOException("het tijdelijke bestand van de build is korter dan verwacht");
            read += n;
        }
        return bytes;
    }

    public void Dispose() => _handle.Dispose();
}
