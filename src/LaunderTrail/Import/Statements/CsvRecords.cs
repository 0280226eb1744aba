using System.Text;

namespace LaunderTrail.Import.Statements;

/// <summary>
/// RFC 4180 records from text, each with the line it starts on: a statement's errors name the line a person finds in
/// an editor, which a record count does not give once a preamble or a quoted line break stands before it. Fields are
/// separated by commas; a quoted field may hold commas, line breaks and doubled quotes; CR LF, LF and CR end a record.
/// A quote inside an unquoted field is kept as text, as spreadsheet programs do.
/// </summary>
internal sealed class CsvRecords(TextReader text)
{
    private readonly StringBuilder _field = new();
    private long _line = 1;

    /// <summary>The line being read.</summary>
    public long Line => _line;

    /// <summary>The next record and the line it starts on; null at the end of the text.</summary>
    public (long Line, string[] Fields)? Next()
    {
        var next = text.Peek();
        if (next < 0) return null;
        var start = _line;
        var fields = new List<string>();
        _field.Clear();
        var quoted = false;
        var fieldStart = true;
        while (true)
        {
            var c = text.Read();
            if (c < 0)
            {
                fields.Add(_field.ToString());
                return (start, fields.ToArray());
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (text.Peek() == '"')
                    {
                        text.Read();
                        _field.Append('"');
                    }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n' || (c == '\r' && text.Peek() != '\n')) _line++;
                    _field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when fieldStart:
                    quoted = true;
                    fieldStart = false;
                    break;
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    fieldStart = true;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && text.Peek() == '\n') text.Read();
                    _line++;
                    fields.Add(_field.ToString());
                    return (start, fields.ToArray());
                default:
                    _field.Append((char)c);
                    fieldStart = false;
                    break;
            }
        }
    }
}
