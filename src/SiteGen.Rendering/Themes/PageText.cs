using System.Buffers;
using System.Text;

namespace SiteGen.Rendering.Themes;

/// <summary>
/// A drawn page's text in a buffer rented from the shared pool, for the page's one reader (staged and scanned, or
/// encoded for a site kept in memory), which disposes it: the buffer goes back to the pool for the next page.
/// </summary>
public sealed class PageText : IDisposable
{
    private char[]? _buffer;
    private readonly int _length;

    private PageText(char[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>A copy of <paramref name="builder"/>'s text (the builder can then be emptied and reused).</summary>
    public static PageText From(StringBuilder builder)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(builder.Length, 1));
        builder.CopyTo(0, buffer, builder.Length);
        return new PageText(buffer, builder.Length);
    }

    public ReadOnlyMemory<char> Memory =>
        (_buffer ?? throw new ObjectDisposedException(nameof(PageText))).AsMemory(0, _length);

    public override string ToString() => Memory.Span.ToString();

    public void Dispose()
    {
        if (_buffer is { } buffer) ArrayPool<char>.Shared.Return(buffer);
        _buffer = null;
    }
}
