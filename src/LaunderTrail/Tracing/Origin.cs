namespace LaunderTrail.Tracing;

/// <summary>
/// Where a parcel of value comes from: a victim, by her number among the case's victims
/// (<see cref="AccountBook.VictimNumber"/>), or nowhere traced. A number, not her name, so the per-origin tallies of a case
/// with tens of thousands of victims hash an int, not a string.
/// </summary>
internal readonly record struct Origin(int Victim)
{
    public static readonly Origin Unattributed = new(-1);

    public bool IsVictim => Victim >= 0;
}
