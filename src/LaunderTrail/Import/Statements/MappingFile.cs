using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LaunderTrail.Import.Statements;

/// <summary>
/// The <c>mapping</c> profile's description of a statement nobody built a profile for: a small JSON object naming the
/// columns (docs/statements.md has an example for a Western bank's CSV). Unknown keys are refused, so a misspelt
/// column role is never silently ignored.
/// </summary>
public sealed record MappingFile
{
    /// <summary>bank, alipay, wechat, cash or other; default bank.</summary>
    public string Channel { get; init; } = "bank";

    /// <summary>The offset of the statement's local times, e.g. <c>+00:00</c>; <c>--tz</c> overrides it.</summary>
    public string? TimeZone { get; init; }

    public string? Time { get; init; }

    /// <summary>A .NET date format such as <c>dd/MM/yyyy</c> or <c>dd/MM/yyyy HH:mm</c>; default: ISO-like forms.</summary>
    public string? TimeFormat { get; init; }

    /// <summary>An amount column, signed (negative is out) unless a direction column says which way.</summary>
    public string? Amount { get; init; }

    /// <summary>Money out and money in, in two columns (one of them filled per row).</summary>
    public string? Debit { get; init; }
    public string? Credit { get; init; }

    public string? Direction { get; init; }
    public string? Balance { get; init; }
    public string? OwnAccount { get; init; }
    public string? CounterpartyAccount { get; init; }
    public string? CounterpartyName { get; init; }
    public string? Reference { get; init; }

    private static readonly JsonSerializerOptions Reading = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The mapping in <paramref name="json"/>, or why it cannot be used.</summary>
    public static (MappingFile? Mapping, string? Problem) Parse(string json)
    {
        MappingFile? mapping;
        try
        {
            mapping = JsonSerializer.Deserialize<MappingFile>(json, Reading);
        }
        catch (JsonException e)
        {
            return (null, $"is not a mapping: {e.Message.Split(". ")[0].TrimEnd('.')}");
        }

        if (mapping is null) return (null, "is not a mapping: a JSON object is expected");
        if (mapping.Time is null) return (null, "time: names no column; the time column is required");
        if (mapping.Amount is null && (mapping.Debit is null || mapping.Credit is null))
            return (null, "amount: names no column; give amount (signed, or with direction) or both debit and credit");
        if (mapping.CounterpartyAccount is null && mapping.CounterpartyName is null)
            return (null, "counterpartyName: names no column; give counterpartyAccount or counterpartyName (e.g. a description)");
        if (mapping.TimeZone is not null && ParseOffset(mapping.TimeZone) is null)
            return (null, $"timeZone: '{mapping.TimeZone}' is not an offset such as +00:00 or -05:00");
        if (mapping.Channel is not ("bank" or "alipay" or "wechat" or "cash" or "other"))
            return (null, "channel: must be one of: bank, alipay, wechat, cash, other");
        return (mapping, null);
    }

    /// <summary>The layout the mapping describes.</summary>
    public StatementLayout Layout()
    {
        var columns = new Dictionary<ColumnRole, string[]>();
        void Add(ColumnRole role, string? name)
        {
            if (name is not null) columns[role] = [name];
        }

        Add(ColumnRole.Time, Time);
        Add(ColumnRole.Amount, Amount);
        Add(ColumnRole.Debit, Debit);
        Add(ColumnRole.Credit, Credit);
        Add(ColumnRole.Direction, Direction);
        Add(ColumnRole.Balance, Balance);
        Add(ColumnRole.OwnAccount, OwnAccount);
        Add(ColumnRole.CounterpartyAccount, CounterpartyAccount);
        Add(ColumnRole.CounterpartyName, CounterpartyName);
        Add(ColumnRole.Reference, Reference);
        return new StatementLayout(StatementProfiles.Mapping, Channel, columns, columns.Keys.ToList(), TimeFormat,
            TimeZone is null ? null : ParseOffset(TimeZone));
    }

    /// <summary>An offset written <c>+08:00</c>, <c>-05:00</c>, <c>+0800</c> or <c>Z</c>; null when it is none.</summary>
    public static TimeSpan? ParseOffset(string text)
    {
        text = text.Trim();
        if (text is "Z" or "z" or "UTC") return TimeSpan.Zero;
        if (text.Length < 2 || (text[0] != '+' && text[0] != '-')) return null;
        var body = text[1..].Replace(":", "");
        if (body.Length is not (2 or 4) || !body.All(char.IsAsciiDigit)) return null;
        var hours = int.Parse(body[..2], CultureInfo.InvariantCulture);
        var minutes = body.Length == 4 ? int.Parse(body[2..], CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59) return null;
        var offset = new TimeSpan(hours, minutes, 0);
        return text[0] == '-' ? -offset : offset;
    }
}
