using LaunderTrail.Evidence;

namespace LaunderTrail.Court;

/// <summary>One event as the timeline shows it.</summary>
/// <param name="RetractedBy">The retractions that withdraw this event (empty when it stands).</param>
/// <param name="LeftOut">Why the flow report leaves the event out of its figures, when it does.</param>
/// <param name="RunningLosses">Each victim whose loss this event changed, with her loss so far.</param>
/// <param name="DiscountRate">For a resale: price ÷ the face value it moved.</param>
internal sealed record TimelineEntry(
    ChainedRecord Record,
    string Description,
    IReadOnlyList<EventRetracted> RetractedBy,
    string? LeftOut,
    IReadOnlyList<(string Holder, decimal Loss)> RunningLosses,
    decimal? DiscountRate)
{
    public bool IsRetracted => RetractedBy.Count > 0;
}
