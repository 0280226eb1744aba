using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace LaunderTrail.Tracing;

/// <summary>
/// A list that keeps its first item in itself and makes an array only for a second: a case of a million facts
/// makes hundreds of thousands of lot records and lot pools, most of them holding one item all their life. A
/// mutable struct, so it lives in a field of its owner and is never copied.
/// </summary>
internal struct InlineList<T>
{
    private T single;
    private T[]? many;
    private int count;

    public readonly int Count => count;

    [UnscopedRef]
    public Span<T> Items => many is null ? MemoryMarshal.CreateSpan(ref single, count) : many.AsSpan(0, count);

    public void Add(T item)
    {
        if (many is null && count == 1)
        {
            many = new T[4];
            many[0] = single;
            single = default!;
        }
        else if (many is not null && count == many.Length)
        {
            Array.Resize(ref many, count * 2);
        }
        count++;
        Items[^1] = item;
    }

    public void RemoveAt(int index)
    {
        var items = Items;
        items[(index + 1)..].CopyTo(items[index..]);
        items[^1] = default!;
        count--;
    }

    /// <summary>Keeps only the first <paramref name="kept"/> items.</summary>
    public void Truncate(int kept)
    {
        Items[kept..].Clear();
        count = kept;
    }

    /// <summary>Empties the list and lets its array go.</summary>
    public void Clear()
    {
        Items.Clear();
        count = 0;
        many = null;
    }
}
