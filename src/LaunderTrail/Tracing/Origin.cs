namespace LaunderTrail.Tracing;

/// <summary>Where a parcel of value comes from: a victim (her holder name) or nowhere traced.</summary>
internal readonly record struct Origin(string? Victim)
{
    public static readonly Origin Unattributed = new(null);
}
