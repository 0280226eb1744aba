namespace LaunderTrail.Tracing;

/// <summary>
/// How a parcel of value divides among origins, as a node whose composition never changes: a <see cref="SingleOrigin"/>, or a
/// <see cref="Blend"/> of two older mixtures. A proportional take never changes a pool's composition, only its total,
/// so parcels can share their pool's mixture by reference instead of copying one entry per origin.
/// </summary>
internal abstract class Mixture
{
    public static readonly Mixture Unattributed = new SingleOrigin(Origin.Unattributed);
}
