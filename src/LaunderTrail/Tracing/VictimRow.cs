namespace LaunderTrail.Tracing;

/// <param name="Accounts">The victim's accounts, sorted.</param>
/// <param name="Hops">
/// The non-victim accounts her loss went to directly, with how much of it each received, sorted by account.
/// Not part of the JSON report; it is the first level of a trail tree.
/// </param>
public sealed record VictimRow(
    string Holder,
    IReadOnlyList<string> Accounts,
    decimal Loss,
    IReadOnlyList<ReachedRow> Reached,
    IReadOnlyList<HoldingRow> Holdings,
    IReadOnlyList<HopRow> Hops);
