//! Reading CSV uploads the same way everywhere: headers matched to columns by aliases
//! (case-insensitive, a byte-order mark ignored), every record kept with its line number, and
//! every problem reported as `line N: column` so a whole file is fixed in one pass.

use domain::problem::FieldError;
use std::collections::HashMap;
use std::sync::Arc;

/// A column of an import file: its name in reports, the headers that mean it, and whether the
/// header row must have it.
pub struct Column {
    /// The canonical name.
    pub name: &'static str,
    /// Headers that mean this column (lower case).
    pub aliases: &'static [&'static str],
    /// The header row must have it.
    pub required: bool,
}

impl Column {
    /// A column the header row must have.
    pub const fn required(name: &'static str, aliases: &'static [&'static str]) -> Self {
        Self {
            name,
            aliases,
            required: true,
        }
    }

    /// A column the file may leave out.
    pub const fn optional(name: &'static str, aliases: &'static [&'static str]) -> Self {
        Self {
            name,
            aliases,
            required: false,
        }
    }
}

/// One record of the file.
#[derive(Debug)]
pub struct Record {
    /// The line it starts on (the header is line 1).
    pub line: u64,
    values: csv::StringRecord,
    index: Arc<HashMap<&'static str, usize>>,
}

impl Record {
    /// The trimmed value of a column ("" when the file has no such column).
    pub fn get(&self, column: &str) -> &str {
        self.index
            .get(column)
            .and_then(|i| self.values.get(*i))
            .unwrap_or("")
    }

    /// Whether the file has this column.
    pub fn has(&self, column: &str) -> bool {
        self.index.contains_key(column)
    }

    /// The report's name for a field of this record.
    pub fn at(&self, field: &str) -> String {
        format!("line {}: {field}", self.line)
    }

    /// A problem with a field of this record.
    pub fn problem(&self, field: &str, code: &str, message: impl Into<String>) -> FieldError {
        FieldError::new(self.at(field), code, message)
    }
}

/// Reads the whole file: its records, or every problem of the header and the rows that cannot
/// be read at all (a file with more than `max_rows` rows is refused as a whole).
pub fn read(
    bytes: &[u8],
    columns: &[Column],
    max_rows: usize,
) -> Result<Vec<Record>, Vec<FieldError>> {
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(false)
        .from_reader(bytes);
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(vec![FieldError::new(
                "line 1",
                "unreadable",
                format!("The header row cannot be read: {e}"),
            )]);
        }
    };
    let mut index: HashMap<&'static str, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim().trim_start_matches('\u{feff}').to_lowercase();
        if let Some(c) = columns.iter().find(|c| c.aliases.contains(&h.as_str())) {
            index.entry(c.name).or_insert(i);
        }
    }
    let missing: Vec<FieldError> = columns
        .iter()
        .filter(|c| c.required && !index.contains_key(c.name))
        .map(|c| {
            FieldError::new(
                "line 1",
                "missing_column",
                format!("The header has no '{}' column.", c.name),
            )
        })
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let index = Arc::new(index);
    let mut out = Vec::new();
    let mut errors = Vec::new();
    // The line a record starts on, as an editor numbers it (the reader's own count skips
    // blank lines): newlines before its first byte, counted once through the file.
    let (mut seen_bytes, mut seen_lines) = (0usize, 0u64);
    let mut line_at = |pos: Option<&csv::Position>| {
        let at = pos.map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        let mut at = at.min(bytes.len());
        // The reported start may be a blank line the reader then skipped.
        while at < bytes.len() && matches!(bytes[at], b'\n' | b'\r') {
            at += 1;
        }
        if at > seen_bytes {
            seen_lines += bytes[seen_bytes..at]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            seen_bytes = at;
        }
        seen_lines + 1
    };
    for rec in rdr.records() {
        if out.len() + errors.len() >= max_rows {
            return Err(vec![FieldError::new(
                "file",
                "too_many_rows",
                format!("The file has more than {max_rows} rows; split it into smaller files."),
            )]);
        }
        match rec {
            Ok(values) => out.push(Record {
                line: line_at(values.position()),
                values,
                index: index.clone(),
            }),
            Err(e) => {
                let line = line_at(e.position());
                errors.push(FieldError::new(
                    format!("line {line}"),
                    "unreadable",
                    format!("This row cannot be read: {e}"),
                ));
            }
        }
    }
    if out.is_empty() && errors.is_empty() {
        errors.push(FieldError::new("line 2", "empty", "The file has no rows."));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// A day written as `2026-03-14` or, as spreadsheets in the US export it, `3/14/2026`.
pub fn parse_day(v: &str) -> Option<chrono::NaiveDate> {
    let v = v.trim();
    chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(v, "%m/%d/%Y"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: &[Column] = &[
        Column {
            name: "code",
            aliases: &["code", "código"],
            required: true,
        },
        Column {
            name: "note",
            aliases: &["note"],
            required: false,
        },
    ];

    #[test]
    fn records_keep_their_lines_and_aliases_are_understood() {
        let rows = read(
            "\u{feff}Código,Other\n a1 ,x\n\nb2,y\n\"c\n3\",z\nd4,w\n".as_bytes(),
            COLUMNS,
            10,
        )
        .unwrap();
        let got: Vec<_> = rows.iter().map(|r| (r.line, r.get("code"))).collect();
        assert_eq!(got, vec![(2, "a1"), (4, "b2"), (5, "c\n3"), (7, "d4")]);
        assert_eq!(rows[0].get("note"), "");
        assert!(!rows[0].has("note"));
        assert_eq!(rows[1].at("code"), "line 4: code");
    }

    #[test]
    fn headers_rows_and_sizes_are_checked() {
        let e = read(b"note\nx\n", COLUMNS, 10).unwrap_err();
        assert_eq!(e[0].code, "missing_column");
        let e = read(b"code\n", COLUMNS, 10).unwrap_err();
        assert_eq!(e[0].code, "empty");
        let e = read(b"code,note\na,b\nc\n", COLUMNS, 10).unwrap_err();
        assert_eq!(
            (e[0].field.as_str(), e[0].code.as_str()),
            ("line 3", "unreadable")
        );
        let e = read(b"code\na\nb\nc\n", COLUMNS, 2).unwrap_err();
        assert_eq!(e[0].code, "too_many_rows");
    }

    #[test]
    fn days_are_read_in_both_common_forms() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 14);
        assert_eq!(parse_day("2026-03-14"), d);
        assert_eq!(parse_day("3/14/2026"), d);
        assert_eq!(parse_day("14.03.2026"), None);
    }
}
