import { CSV_BOM, csvField, csvHeader, csvRecord, csvRows, toCsv, type CsvColumn } from './csv';

describe('csvField', () => {
  it('leaves plain text as it is', () => {
    expect(csvField('Acme Corp')).toBe('Acme Corp');
  });

  it('quotes a field with a comma', () => {
    expect(csvField('Lima, Ana')).toBe('"Lima, Ana"');
  });

  it('quotes a field with a double quote and doubles the quote', () => {
    expect(csvField('the "root" tenant')).toBe('"the ""root"" tenant"');
    expect(csvField('"')).toBe('""""');
  });

  it('quotes a field with a line break inside (LF, CRLF, a lone CR)', () => {
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvField('line 1\rline 2')).toBe('"line 1\rline 2"');
  });

  it('writes null, undefined and the empty string as an empty field', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField('')).toBe('');
  });

  it('writes numbers and booleans as text, negative numbers included', () => {
    expect(csvField(42)).toBe('42');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(0.25)).toBe('0.25');
    expect(csvField(-1n)).toBe('-1');
    expect(csvField(true)).toBe('true');
    expect(csvField(false)).toBe('false');
  });

  it('writes a Date as its ISO string, an invalid one as empty', () => {
    expect(csvField(new Date(Date.UTC(2025, 0, 31, 12, 30)))).toBe('2025-01-31T12:30:00.000Z');
    expect(csvField(new Date('not a date'))).toBe('');
  });

  it('writes objects and arrays as JSON, quoted since JSON has commas and quotes', () => {
    expect(csvField({ ip: '10.0.0.1', ok: true })).toBe('"{""ip"":""10.0.0.1"",""ok"":true}"');
    expect(csvField(['a', 'b'])).toBe('"[""a"",""b""]"');
    expect(csvField([])).toBe('[]');
  });

  it('survives an object JSON cannot write', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(csvField(cyclic)).toBe('[object Object]');
  });

  describe('formula injection', () => {
    it.each([
      ['=', '=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
      ['+', '+1+1', "'+1+1"],
      ['-', '-2+3', "'-2+3"],
      ['@', '@SUM(A1)', "'@SUM(A1)"],
      ['a tab', '\t=1', "'\t=1"],
      ['a carriage return', '\r=1', `"'\r=1"`],
    ])('prefixes text beginning with %s with a single quote', (_start, value, expected) => {
      expect(csvField(value)).toBe(expected);
    });

    it('neutralises text that looks like a negative number: it is text, not a number value', () => {
      expect(csvField('-5')).toBe("'-5");
    });

    it('neutralises a cell that is only the character, and one in other scripts after it', () => {
      expect(csvField('=')).toBe("'=");
      expect(csvField('-')).toBe("'-");
      expect(csvField('=São Paulo')).toBe("'=São Paulo");
      expect(csvField('@東京, 大阪')).toBe(`"'@東京, 大阪"`);
    });

    it('leaves those characters alone when they are not first', () => {
      expect(csvField('a=b')).toBe('a=b');
      expect(csvField('ana@example.com')).toBe('ana@example.com');
      expect(csvField('x =1')).toBe('x =1');
    });

    it('neutralises a sign after leading whitespace (trimmed on import by some spreadsheets), a leading line feed, and fullwidth signs', () => {
      expect(csvField(' =1')).toBe("' =1");
      expect(csvField('\u00a0@SUM(A1)')).toBe("'\u00a0@SUM(A1)");
      expect(csvField('\n=1')).toBe(`"'\n=1"`);
      expect(csvField('＝HYPERLINK("x")')).toBe(`"'＝HYPERLINK(""x"")"`);
      expect(csvField('＋1')).toBe("'＋1");
      expect(csvField('－1')).toBe("'－1");
      expect(csvField('＠x')).toBe("'＠x");
      expect(csvField('  plain')).toBe('  plain');
    });

  });

  it('keeps unicode as it is', () => {
    expect(csvField('São Paulo — 東京 🚀')).toBe('São Paulo — 東京 🚀');
    expect(csvField('Zoë, Ñandú')).toBe('"Zoë, Ñandú"');
  });

  it('keeps combining marks, astral characters and right-to-left text whole, quoted or not', () => {
    // "é" as e + U+0301, a family emoji joined with ZWJ, Arabic: none is split or normalised.
    expect(csvField('Cafe\u0301')).toBe('Cafe\u0301');
    expect(csvField('👩‍👩‍👧, "ok"')).toBe('"👩‍👩‍👧, ""ok"""');
    expect(csvField('شركة أكمي')).toBe('شركة أكمي');
  });

  it('does not quote a Unicode line or paragraph separator: RFC 4180 breaks lines only at CR and LF', () => {
    expect(csvField('a\u2028b\u2029c')).toBe('a\u2028b\u2029c');
  });
});

describe('records and files', () => {
  interface Entry {
    at: Date;
    actor: string | null;
    action: string;
    delta: number;
  }
  const columns: CsvColumn<Entry>[] = [
    { header: 'Time', value: (e) => e.at },
    { header: 'Actor', value: (e) => e.actor },
    { header: 'Action', value: (e) => e.action },
    { header: 'Delta', value: (e) => e.delta },
  ];
  const rows: Entry[] = [
    { at: new Date(Date.UTC(2025, 4, 1)), actor: 'Ana Lima', action: 'tenant.update', delta: -5 },
    { at: new Date(Date.UTC(2025, 4, 2)), actor: null, action: '=cmd|"/c calc"!A1', delta: 3 },
  ];

  it('joins fields with commas and ends every record with CRLF', () => {
    expect(csvRecord(['a', 'b,c', null])).toBe('a,"b,c",\r\n');
    expect(csvHeader(columns)).toBe('Time,Actor,Action,Delta\r\n');
  });

  it('writes rows through the columns', () => {
    expect(csvRows(columns, rows)).toBe(
      '2025-05-01T00:00:00.000Z,Ana Lima,tenant.update,-5\r\n' + `2025-05-02T00:00:00.000Z,,"'=cmd|""/c calc""!A1",3\r\n`,
    );
  });

  it('starts a file with the UTF-8 BOM, then the header', () => {
    const file = toCsv(columns, rows);
    expect(file.startsWith(CSV_BOM + 'Time,Actor,Action,Delta\r\n')).toBe(true);
    expect(CSV_BOM).toBe('\uFEFF');
    expect(file.split('\r\n')).toHaveLength(4);
  });

  it('writes an empty export as the header alone', () => {
    expect(toCsv(columns, [])).toBe('\uFEFFTime,Actor,Action,Delta\r\n');
    expect(csvRows(columns, [])).toBe('');
  });
});
