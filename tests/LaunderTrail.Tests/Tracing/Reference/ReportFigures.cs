using System.Globalization;
using System.Text;
using System.Text.Json;
using LaunderTrail.Tracing;

namespace LaunderTrail.Tests.Tracing.Reference;

/// <summary>
/// The figures of a flow report that the differential tests compare, each named by a path such as
/// <c>victim[Zhang Wei].holdings[g-1].cash</c>: the totals; per merchant row (account, product) its face value,
/// price and number of resales; per victim her loss, per reached merchant the face value and cash, per holding
/// account the cash and face value; per account the cash and face value of unknown origin still held; and the
/// ids of the problems. Rows are the ones the report keeps (some figure rounds to a cent).
/// </summary>
internal sealed class ReportFigures
{
    private readonly SortedDictionary<string, decimal> figures = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, decimal> Figures => figures;

    public void Add(string path, decimal value) => figures[path] = figures.GetValueOrDefault(path) + value;

    /// <summary>The figures of the engine's report, unrounded.</summary>
    public static ReportFigures Of(FlowReport report)
    {
        var result = new ReportFigures();
        result.Add("totals.victimLoss", report.Totals.VictimLoss);
        result.Add("totals.prepaidFaceValue", report.Totals.PrepaidFaceValue);
        result.Add("totals.prepaidPaid", report.Totals.PrepaidPaid);
        result.Add("totals.resoldFaceValue", report.Totals.ResoldFaceValue);
        result.Add("totals.resaleCash", report.Totals.ResaleCash);
        foreach (var m in report.Merchants)
        {
            var row = $"merchant[{m.Account}|{m.Product}]";
            result.Add($"{row}.faceValue", m.FaceValue);
            result.Add($"{row}.price", m.Price);
            result.Add($"{row}.resales", m.Resales);
        }
        foreach (var v in report.Victims)
        {
            result.Add($"victim[{v.Holder}].loss", v.Loss);
            foreach (var r in v.Reached)
            {
                result.Add($"victim[{v.Holder}].reached[{r.Account}].faceValue", r.FaceValue);
                result.Add($"victim[{v.Holder}].reached[{r.Account}].cash", r.Cash);
            }
            foreach (var h in v.Holdings)
            {
                result.Add($"victim[{v.Holder}].holdings[{h.Account}].cash", h.Cash);
                result.Add($"victim[{v.Holder}].holdings[{h.Account}].faceValue", h.FaceValue);
            }
        }
        foreach (var h in report.UnattributedHoldings)
        {
            result.Add($"unattributed[{h.Account}].cash", h.Cash);
            result.Add($"unattributed[{h.Account}].faceValue", h.FaceValue);
        }
        foreach (var p in report.Problems) result.Add($"problem[{p.Id}]", 1);
        return result;
    }

    /// <summary>The same figures read from a written report (which has no unattributed holdings).</summary>
    public static ReportFigures OfJson(string reportJson)
    {
        using var document = JsonDocument.Parse(reportJson);
        var root = document.RootElement;
        var result = new ReportFigures();
        foreach (var name in new[] { "victimLoss", "prepaidFaceValue", "prepaidPaid", "resoldFaceValue", "resaleCash" })
            result.Add($"totals.{name}", root.GetProperty("totals").GetProperty(name).GetDecimal());
        foreach (var m in root.GetProperty("merchants").EnumerateArray())
        {
            var row = $"merchant[{m.GetProperty("account").GetString()}|{m.GetProperty("product").GetString()}]";
            result.Add($"{row}.faceValue", m.GetProperty("faceValue").GetDecimal());
            result.Add($"{row}.price", m.GetProperty("price").GetDecimal());
            result.Add($"{row}.resales", m.GetProperty("resales").GetDecimal());
        }
        foreach (var v in root.GetProperty("victims").EnumerateArray())
        {
            var holder = v.GetProperty("holder").GetString();
            result.Add($"victim[{holder}].loss", v.GetProperty("loss").GetDecimal());
            foreach (var r in v.GetProperty("reached").EnumerateArray())
            {
                var account = r.GetProperty("account").GetString();
                result.Add($"victim[{holder}].reached[{account}].faceValue", r.GetProperty("faceValue").GetDecimal());
                result.Add($"victim[{holder}].reached[{account}].cash", r.GetProperty("cash").GetDecimal());
            }
            foreach (var h in v.GetProperty("holdings").EnumerateArray())
            {
                var account = h.GetProperty("account").GetString();
                result.Add($"victim[{holder}].holdings[{account}].cash", h.GetProperty("cash").GetDecimal());
                result.Add($"victim[{holder}].holdings[{account}].faceValue", h.GetProperty("faceValue").GetDecimal());
            }
        }
        foreach (var p in root.GetProperty("problems").EnumerateArray())
            result.Add($"problem[{p.GetProperty("id").GetString()}]", 1);
        return result;
    }

    /// <summary>A copy without the figures whose path starts with <paramref name="prefix"/>.</summary>
    public ReportFigures Without(string prefix)
    {
        var result = new ReportFigures();
        foreach (var (path, value) in figures.Where(f => !f.Key.StartsWith(prefix, StringComparison.Ordinal)))
            result.Add(path, value);
        return result;
    }

    /// <summary>
    /// Every figure either side has that differs beyond <paramref name="tolerance"/> once rounded half away from
    /// zero to the cent (a figure one side lacks is compared with 0, so a row only one side kept is a difference).
    /// Two exact values that differ by less than 10^-9 count as equal even when they fall either side of a
    /// half-cent: that is the last digit of decimal division, not a different attribution.
    /// </summary>
    public IReadOnlyList<string> DifferencesFrom(ReportFigures expected, decimal tolerance = 0m)
    {
        var differences = new List<string>();
        var paths = new SortedSet<string>(figures.Keys.Concat(expected.figures.Keys), StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var hasActual = figures.TryGetValue(path, out var actual);
            var hasExpected = expected.figures.TryGetValue(path, out var wanted);
            if (Math.Abs(Cents(actual) - Cents(wanted)) <= tolerance) continue;
            if (hasActual && hasExpected && Math.Abs(actual - wanted) < 0.000000001m) continue;
            differences.Add($"{path}: expected {Text(hasExpected, wanted)}, got {Text(hasActual, actual)}");
        }
        return differences;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (path, value) in figures) text.Append(path).Append(" = ").AppendLine(Text(true, value));
        return text.ToString();
    }

    private static decimal Cents(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static string Text(bool present, decimal value) =>
        present ? value.ToString(CultureInfo.InvariantCulture) : "(no row)";
}
