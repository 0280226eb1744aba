namespace LaunderTrail.Tracing;

/// <summary>
/// What the ledger knows of one lot: the product it was bought as, and the pools of the non-victim accounts that
/// hold part of it. A lot has one holder most of the time and rarely more than a few, so a fact about a lot costs
/// one lookup of the lot, whatever the number of lots in the case. A case of a million facts has hundreds of
/// thousands of lots, so a lot keeps its one holder in itself, and an array only once a second holder comes.
/// </summary>
internal sealed class LotRecord
{
    private InlineList<(int Account, IValuePool Pool)> holders;

    // The pool a holder emptied, for the next holder: a lot passed whole from hand to hand needs one pool, not one
    // per hand that each outlives its use long enough to burden the garbage collector.
    private IValuePool? spare;

    /// <summary>The product of the lot's purchase; null until a purchase of it has been applied.</summary>
    public string? Product { get; set; }

    /// <summary>The product's number (<see cref="Numbering.Products"/>); meaningful once <see cref="Product"/> is set.</summary>
    public int ProductNumber { get; set; }

    /// <summary>The holders' pools, in the order the holders first received part of the lot.</summary>
    public ReadOnlySpan<(int Account, IValuePool Pool)> Holders => holders.Items;

    public IValuePool? PoolOf(int account)
    {
        var index = IndexOf(account);
        return index < 0 ? null : holders.Items[index].Pool;
    }

    public IValuePool PoolFor(int account, Func<IValuePool> create)
    {
        if (PoolOf(account) is { } pool) return pool;
        pool = spare ?? create();
        spare = null;
        holders.Add((account, pool));
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
        holders.RemoveAt(IndexOf(account));
    }

    private int IndexOf(int account)
    {
        var items = holders.Items;
        for (var i = 0; i < items.Length; i++)
            if (items[i].Account == account) return i;
        return -1;
    }
}
