namespace LaunderTrail.Tracing;

/// <summary>
/// What the ledger knows of one lot: the product it was bought as, and the pools of the non-victim accounts that
/// hold part of it. A lot has one holder most of the time and rarely more than a few, so a fact about a lot costs
/// one lookup of the lot, whatever the number of lots in the case. A case of a million facts has hundreds of
/// thousands of lots, so the holders are a bare array, not a list around one.
/// </summary>
internal sealed class LotRecord
{
    private (int Account, IValuePool Pool)[] holders = new (int, IValuePool)[1];
    private int count;

    // The pool a holder emptied, for the next holder: a lot passed whole from hand to hand needs one pool, not one
    // per hand that each outlives its use long enough to burden the garbage collector.
    private IValuePool? spare;

    /// <summary>The product of the lot's purchase; null until a purchase of it has been applied.</summary>
    public string? Product { get; set; }

    /// <summary>The holders' pools, in the order the holders first received part of the lot.</summary>
    public ReadOnlySpan<(int Account, IValuePool Pool)> Holders => holders.AsSpan(0, count);

    public IValuePool? PoolOf(int account)
    {
        var index = IndexOf(account);
        return index < 0 ? null : holders[index].Pool;
    }

    public IValuePool PoolFor(int account, Func<IValuePool> create)
    {
        if (PoolOf(account) is { } pool) return pool;
        pool = spare ?? create();
        spare = null;
        if (count == holders.Length) Array.Resize(ref holders, count * 2);
        holders[count++] = (account, pool);
        return pool;
    }

    /// <summary>
    /// Takes face value out of an account's pool (<see cref="IValuePool.Take"/>). An emptied pool is forgotten, so a
    /// lot passed along a chain of hands keeps no trace of them.
    /// </summary>
    public void Take(int account, decimal faceValue, List<Parcel> taken, Func<IValuePool> create)
    {
        var pool = PoolFor(account, create);
        pool.Take(faceValue, taken);
        if (!pool.IsEmpty) return;
        if (pool.Total == 0m) spare = pool;
        var index = IndexOf(account);
        Array.Copy(holders, index + 1, holders, index, count - index - 1);
        holders[--count] = default;
    }

    private int IndexOf(int account)
    {
        for (var i = 0; i < count; i++)
            if (holders[i].Account == account) return i;
        return -1;
    }
}
