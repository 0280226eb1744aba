using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace LaunderTrail.Evidence;

/// <summary>
/// The one JSON configuration for facts: interchange lines, Marten's stored events and the canonical form
/// all read and write through it, so a fact means the same wherever it is read.
/// </summary>
public static class EvidenceJson
{
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>
    /// Reads facts for tracing only: of each fact, only what tracing reads (<see cref="ReadByTracing"/>); the rest
    /// (its case, currency, source, note, a helper fact's details) is skipped unread. The records live only until
    /// tracing has taken what it keeps of them (<see cref="Tracing.TracingFacts"/>), so their strings are not pooled:
    /// looking each one up cost more than the young garbage it saved.
    /// </summary>
    internal static readonly JsonSerializerOptions ForTracing = CreateForTracing();

    // Besides every fact's id and instant: what the compact form (MoneyFact), the account book and retractions read.
    private static readonly Dictionary<Type, string[]> ReadByTracing = new()
    {
        [typeof(AccountIdentified)] = [nameof(AccountIdentified.Account), nameof(AccountIdentified.Holder), nameof(AccountIdentified.Role)],
        [typeof(EventRetracted)] = [nameof(EventRetracted.Retracts)],
        [typeof(StatementRowUndecided)] =
        [
            nameof(StatementRowUndecided.From), nameof(StatementRowUndecided.To), nameof(StatementRowUndecided.Amount),
            nameof(StatementRowUndecided.Candidates), nameof(CaseEvent.Source),
        ],
        [typeof(LoanDisbursed)] = [nameof(LoanDisbursed.Lender), nameof(LoanDisbursed.To), nameof(LoanDisbursed.Amount)],
        [typeof(FundsTransferred)] = [nameof(FundsTransferred.From), nameof(FundsTransferred.To), nameof(FundsTransferred.Amount)],
        [typeof(PrepaidValuePurchased)] =
        [
            nameof(PrepaidValuePurchased.Lot), nameof(PrepaidValuePurchased.Product), nameof(PrepaidValuePurchased.Buyer),
            nameof(PrepaidValuePurchased.Paid), nameof(PrepaidValuePurchased.FaceValue), nameof(PrepaidValuePurchased.Holder),
        ],
        [typeof(PrepaidValueTransferred)] =
        [
            nameof(PrepaidValueTransferred.Lot), nameof(PrepaidValueTransferred.From), nameof(PrepaidValueTransferred.To),
            nameof(PrepaidValueTransferred.FaceValue),
        ],
        [typeof(PrepaidValueResold)] =
        [
            nameof(PrepaidValueResold.Lot), nameof(PrepaidValueResold.Seller), nameof(PrepaidValueResold.Buyer),
            nameof(PrepaidValueResold.FaceValue), nameof(PrepaidValueResold.Price), nameof(PrepaidValueResold.PaidTo),
        ],
    };

    /// <summary>The layout of every report LaunderTrail writes: two-space indentation, "\n" line ends, text as written.</summary>
    public static readonly JsonWriterOptions ReportLayout = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Applies the evidence conventions to options owned by someone else (Marten's serializer).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = false;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new InstantWithOffsetConverter());
        options.Converters.Add(new NormalizedDecimalConverter());
    }

    private static JsonSerializerOptions CreateForTracing()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        options.Converters.Insert(0, new StoredInstantConverter());
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutWhatTracingDoesNotRead } };
        options.MakeReadOnly();
        return options;
    }

    private static void LeaveOutWhatTracingDoesNotRead(JsonTypeInfo fact)
    {
        if (!fact.Type.IsAssignableTo(typeof(CaseEvent))) return;
        var read = ReadByTracing.GetValueOrDefault(fact.Type, []);
        for (var i = fact.Properties.Count - 1; i >= 0; i--)
        {
            var member = (fact.Properties[i].AttributeProvider as MemberInfo)?.Name;
            if (member is not (nameof(CaseEvent.Id) or nameof(CaseEvent.At)) && !read.Contains(member)) fact.Properties.RemoveAt(i);
        }
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
