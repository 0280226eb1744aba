namespace LaunderTrail.Generation;

/// <summary>A lot of prepaid value the gang holds and has yet to cash out.</summary>
internal sealed record HeldLot(string Lot, PrepaidProduct Product, long FaceValue);
