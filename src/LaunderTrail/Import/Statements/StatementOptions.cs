namespace LaunderTrail.Import.Statements;

/// <summary>How to read the statements of one import: into which case, with which profile, account, offset, mapping and aliases.</summary>
public sealed record StatementOptions
{
    public required string Case { get; init; }

    /// <summary>cn-bank, alipay, wechat or mapping; null: recognised from each file's header row.</summary>
    public string? Profile { get; init; }

    /// <summary>The statements' own account, where a file does not name it (a bill names its holder).</summary>
    public string? Account { get; init; }

    /// <summary>The offset of the statements' local times; default +08:00 for the Chinese profiles, the mapping's own for mapping.</summary>
    public TimeSpan? TimeZone { get; init; }

    public MappingFile? Mapping { get; init; }

    public AliasTable Aliases { get; init; } = AliasTable.Empty;
}
