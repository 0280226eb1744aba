namespace LaunderTrail.Tracing;

/// <summary>
/// Keeps facts' ids as text in large blocks: tracing rarely needs an id (to name a fact left out, to match a
/// retraction), and a million id strings were a million more objects for the garbage collector to move.
/// </summary>
internal sealed class IdText
{
    private const int BlockSize = 1 << 16;
    private char[] block = [];
    private int used;

    public ReadOnlyMemory<char> Keep(string id)
    {
        if (id.Length > block.Length - used)
        {
            block = new char[Math.Max(BlockSize, id.Length)];
            used = 0;
        }
        id.CopyTo(block.AsSpan(used));
        var kept = new ReadOnlyMemory<char>(block, used, id.Length);
        used += id.Length;
        return kept;
    }
}
