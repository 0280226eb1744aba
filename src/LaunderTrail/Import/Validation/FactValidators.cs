using FluentValidation;
using LaunderTrail.Evidence;
using LaunderTrail.Import.Statements;

namespace LaunderTrail.Import.Validation;

/// <summary>One validator per fact type, found by the fact's type.</summary>
public static class FactValidators
{
    private static readonly Dictionary<Type, IValidator> ByType = new()
    {
        [typeof(AccountIdentified)] = new AccountIdentifiedValidator(),
        [typeof(LoanDisbursed)] = new LoanDisbursedValidator(),
        [typeof(FundsTransferred)] = new FundsTransferredValidator(),
        [typeof(PrepaidValuePurchased)] = new PrepaidValuePurchasedValidator(),
        [typeof(PrepaidValueTransferred)] = new PrepaidValueTransferredValidator(),
        [typeof(PrepaidValueResold)] = new PrepaidValueResoldValidator(),
        [typeof(OrderDataSold)] = new OrderDataSoldValidator(),
        [typeof(AccountsSold)] = new AccountsSoldValidator(),
        [typeof(VictimContacted)] = new VictimContactedValidator(),
        [typeof(EventRetracted)] = new EventRetractedValidator(),
        [typeof(StatementImported)] = new StatementImportedValidator(),
        [typeof(StatementRowMatched)] = new StatementRowMatchedValidator(),
        [typeof(StatementRowUndecided)] = new StatementRowUndecidedValidator(),
    };

    public static IValidator For(Type factType) => ByType[factType];
}
