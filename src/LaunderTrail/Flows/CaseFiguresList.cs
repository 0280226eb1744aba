namespace LaunderTrail.Flows;

/// <summary>
/// Every case with recorded facts, as the read models stand (<see cref="FlowQueries.CasesAsync"/>): those whose figures
/// can be shown, those whose last trace was refused, and those not traced yet.
/// </summary>
public sealed record CaseFiguresList(IReadOnlyList<CaseFigures> Shown, IReadOnlyList<UnreadableCase> Refused,
    IReadOnlyList<UntracedCase> Untraced);

/// <summary>A case's read model, and how far it reflects the case's recorded facts.</summary>
public sealed record CaseFigures(CaseFlows Flows, CaseStatus Status);

/// <summary>A case with recorded facts and no read model yet.</summary>
public sealed record UntracedCase(string Case, long Recorded);
