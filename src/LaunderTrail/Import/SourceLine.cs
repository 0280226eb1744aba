namespace LaunderTrail.Import;

/// <summary>
/// One line of an evidence source, numbered from 1, with how far into the source it ends. <see cref="Unreadable"/>
/// says why the line could not be read as text at all (not UTF-8, too long, not a text file); its text is then empty.
/// <see cref="FromStatement"/> marks a line a statement import wrote itself, which alone may state the facts about
/// statements (<see cref="Evidence.EvidenceTypes.RecordedByStatementImport"/>). <see cref="Origin"/> is where the line
/// comes from when the source is made of several files (a file and its row), recorded beside the fact in place of the
/// source's name and line.
/// </summary>
public readonly record struct SourceLine(long Number, string Text, long BytesRead, string? Unreadable = null, bool FromStatement = false,
    string? Origin = null);
