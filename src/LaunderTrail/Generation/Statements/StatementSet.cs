using LaunderTrail.Evidence;

namespace LaunderTrail.Generation.Statements;

/// <summary>
/// A case's money transfers as the statements its banks and platforms return, and everything else it knows as
/// interchange facts.
/// </summary>
/// <param name="Statements">In the order the folder lists them: bank statements, Alipay bills, WeChat bills.</param>
/// <param name="OtherFacts">Every fact that is not a <see cref="FundsTransferred"/>, in recording order.</param>
/// <param name="Aliases">Every form in which a statement shows one of the case's accounts, sorted by that form.</param>
internal sealed record StatementSet(
    IReadOnlyList<Statement> Statements,
    IReadOnlyList<CaseEvent> OtherFacts,
    IReadOnlyList<FundsTransferred> Transfers,
    IReadOnlyList<(string Shown, string Account)> Aliases);
