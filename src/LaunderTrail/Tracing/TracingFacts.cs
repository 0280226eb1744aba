using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>
/// A case's facts as tracing reads them, in recording order: the facts that move money or value as
/// <see cref="MoneyFact"/>s, the identifications and retractions as they were recorded, and every fact's id.
/// Helper facts (order data, accounts, contacts) move nothing and leave only their id.
/// </summary>
internal sealed class TracingFacts
{
    private readonly ChunkedList<MoneyFact> moves = new();
    private readonly ChunkedList<ReadOnlyMemory<char>> ids = new();
    private readonly IdText idText = new();
    private readonly List<AccountIdentified> identifications = [];
    private readonly List<EventRetracted> retractions = [];
    private readonly List<StatementRowUndecided> undecided = [];

    public Numbering Numbering { get; } = new();

    /// <summary>How many facts were added, of every kind.</summary>
    public int Count => ids.Count;

    /// <summary>The latest <c>at</c> of all the facts, with the offset it was given in; the first recorded of equal instants.</summary>
    public DateTimeOffset? LastAt { get; private set; }

    public int MoveCount => moves.Count;

    /// <summary>The <paramref name="index"/>th fact that moves money or value, in recording order.</summary>
    public ref readonly MoneyFact Move(int index) => ref moves[index];

    public IReadOnlyList<AccountIdentified> Identifications => identifications;
    public IReadOnlyList<EventRetracted> Retractions => retractions;

    /// <summary>Statement rows an import could not tell apart from a recorded transfer: they move nothing and are listed as problems.</summary>
    public IReadOnlyList<StatementRowUndecided> Undecided => undecided;

    public static TracingFacts From(IEnumerable<CaseEvent> recorded)
    {
        var facts = new TracingFacts();
        foreach (var fact in recorded) facts.Add(fact);
        return facts;
    }

    /// <summary>Adds the next fact in recording order.</summary>
    public void Add(CaseEvent fact)
    {
        var id = idText.Keep(fact.Id);
        ids.Add(id);
        if (LastAt is null || fact.At.UtcTicks > LastAt.Value.UtcTicks) LastAt = fact.At;
        switch (fact)
        {
            case AccountIdentified identification: identifications.Add(identification); break;
            case EventRetracted retraction: retractions.Add(retraction); break;
            case StatementRowUndecided row: undecided.Add(row); break;
            default:
                if (MoneyFact.Of(fact, id, Numbering) is { } moving) moves.Add(moving);
                break;
        }
    }

    /// <summary>Every fact's id, in recording order, as a string each: only wanted when the case holds retractions.</summary>
    public IEnumerable<string> IdsInRecordingOrder()
    {
        for (var i = 0; i < ids.Count; i++) yield return ids[i].ToString();
    }
}
