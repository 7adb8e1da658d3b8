//! How a cell becomes text: full-width characters typed with a Chinese input method become ASCII,
//! Excel numbers become the digits Excel shows (never `1.2E+12`), Excel dates become ISO text.
//! Every value the importer reads goes through here first, so a phone number typed as `１３８`
//! and one stored as a number in Excel reach the same rules as plain text.

/// Trims the cell and turns full-width digits, letters, spaces and the symbols of codes, phones
/// and e-mails (`＠ ． － ＋ ＿ ／ ＃`) into ASCII. Other full-width punctuation (`，（）`) is
/// left alone: it belongs to Chinese names and addresses.
pub(crate) fn normalize(text: &str) -> String {
    if text.is_ascii() {
        return text.trim().to_owned();
    }

    let converted: String = text.chars().map(narrow).collect();

    converted.trim().to_owned()
}

fn narrow(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '０'..='９'
        | 'Ａ'..='Ｚ'
        | 'ａ'..='ｚ'
        | '＠'
        | '．'
        | '－'
        | '＋'
        | '＿'
        | '／'
        | '＃' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// A header reduced to what identifies it: normalised, lower case, without spaces, `*` marks,
/// dots, dashes, underscores, brackets or colons. `Platform order no.` and `platformOrderNo`
/// both become `platformorderno`.
pub(crate) fn header_key(text: &str) -> String {
    normalize(text)
        .chars()
        .filter(|c| {
            !(c.is_whitespace()
                || matches!(
                    c,
                    '*' | '.' | '_' | '-' | '(' | ')' | '（' | '）' | ':' | '：' | '\u{feff}'
                ))
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The text Excel shows for a number cell: integers without `.0` and without an exponent
/// (`1.2E+12` → `1200000000000`), other numbers rounded to 15 significant digits (Excel's own
/// precision, so `0.1 + 0.2` reads `0.3`) with trailing zeros removed.
pub(crate) fn number_text(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return format!("{}", value as i64);
    }
    if value == 0.0 {
        return "0".to_owned();
    }

    let magnitude = value.abs().log10().floor() as i32;
    let places = (14 - magnitude).clamp(0, 30) as usize;
    let text = format!("{value:.places$}");

    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// An Excel date cell as text: `yyyy-MM-dd` at midnight, `yyyy-MM-dd HH:mm:ss` otherwise.
pub(crate) fn date_text(parts: (u16, u8, u8, u8, u8, u8, u16)) -> String {
    let (year, month, day, hour, minute, second, _) = parts;

    if (hour, minute, second) == (0, 0, 0) {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
    }
}

/// Reads a time as sellers type it and returns it in RFC 3339, as platform orders need.
///
/// Accepted: RFC 3339 itself; `yyyy-MM-dd HH:mm[:ss]`, with `-`, `/` or `.` between the date
/// parts and one- or two-digit month, day and hour; a date alone (midnight). A time without an
/// offset is taken as UTC (`Z`), because the spreadsheet cannot say which zone it meant.
pub(crate) fn rfc3339(text: &str) -> Option<String> {
    let (date, rest) = match text.find(['T', 't', ' ']) {
        Some(at) => (&text[..at], text[at + 1..].trim()),
        None => (text, ""),
    };
    let (year, month, day) = parse_date(date)?;

    let (clock, zone) = split_zone(rest)?;
    let (hour, minute, second, fraction) = if clock.is_empty() {
        (0, 0, 0, "")
    } else {
        parse_clock(clock)?
    };

    Some(format!(
        "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{fraction}{zone}"
    ))
}

fn number(part: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
    if digits.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

fn parse_date(text: &str) -> Option<(u32, u32, u32)> {
    let separator = text.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let mut parts = text.split(separator);
    let year = number(parts.next()?, 4..=4)?;
    let month = number(parts.next()?, 1..=2)?;
    let day = number(parts.next()?, 1..=2)?;
    if parts.next().is_some() {
        return None;
    }

    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };

    (1..=days).contains(&day).then_some((year, month, day))
}

/// Splits `10:00:00+08:00` into the clock and a normalised zone (`Z` when none is given).
fn split_zone(text: &str) -> Option<(&str, String)> {
    if let Some(clock) = text.strip_suffix(['Z', 'z']) {
        return Some((clock.trim(), "Z".to_owned()));
    }

    let Some(at) = text.rfind(['+', '-']) else {
        return Some((text, "Z".to_owned()));
    };
    let (clock, offset) = (text[..at].trim(), &text[at..]);
    let digits: String = offset[1..].chars().filter(|c| *c != ':').collect();
    let hours = number(digits.get(..2)?, 2..=2)?;
    let minutes = number(digits.get(2..)?, 2..=2)?;
    if hours > 23 || minutes > 59 {
        return None;
    }

    Some((clock, format!("{}{hours:02}:{minutes:02}", &offset[..1])))
}

fn parse_clock(text: &str) -> Option<(u32, u32, u32, &str)> {
    let (clock, fraction) = match text.find('.') {
        Some(at) => (&text[..at], &text[at..]),
        None => (text, ""),
    };
    if fraction.len() > 1 && !fraction[1..].bytes().all(|b| b.is_ascii_digit()) || fraction == "." {
        return None;
    }

    let mut parts = clock.split(':');
    let hour = number(parts.next()?, 1..=2)?;
    let minute = number(parts.next()?, 2..=2)?;
    let second = match parts.next() {
        Some(part) => number(part, 2..=2)?,
        None => 0,
    };
    if parts.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }

    Some((hour, minute, second, fraction))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_letters_and_spaces_become_ascii() {
        assert_eq!(normalize("　０１２３４　"), "01234");
        assert_eq!(normalize("ＳＫＵ－００１"), "SKU-001");
        assert_eq!(
            normalize("ｂｕｙｅｒ＠ｅｘａｍｐｌｅ．ｃｏｍ"),
            "buyer@example.com"
        );
        assert_eq!(
            normalize("北京市（朝阳区），一号"),
            "北京市（朝阳区），一号",
            "Chinese punctuation stays as typed"
        );
    }

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(number_text(1.2e12), "1200000000000");
        assert_eq!(number_text(13_800_138_000.0), "13800138000");
        assert_eq!(number_text(123.0), "123");
        assert_eq!(number_text(12.5), "12.5");
        assert_eq!(
            number_text(0.1 + 0.2),
            "0.3",
            "15 significant digits, like Excel"
        );
        assert_eq!(number_text(-3.25), "-3.25");
        assert_eq!(number_text(0.0), "0");
        assert_eq!(
            number_text(1.5e20),
            "150000000000000000000",
            "never an exponent"
        );
    }

    #[test]
    fn times_in_the_forms_sellers_type() {
        assert_eq!(
            rfc3339("2024-05-01T10:00:00Z").as_deref(),
            Some("2024-05-01T10:00:00Z")
        );
        assert_eq!(
            rfc3339("2024-05-01T10:00:00.5+08:00").as_deref(),
            Some("2024-05-01T10:00:00.5+08:00")
        );
        assert_eq!(
            rfc3339("2024/5/1 9:30").as_deref(),
            Some("2024-05-01T09:30:00Z")
        );
        assert_eq!(
            rfc3339("2024-05-01").as_deref(),
            Some("2024-05-01T00:00:00Z")
        );
        assert_eq!(
            rfc3339("2024-05-01 10:00:00 +0800").as_deref(),
            Some("2024-05-01T10:00:00+08:00")
        );
        assert_eq!(rfc3339("2024-02-30 10:00"), None, "no 30 February");
        assert_eq!(rfc3339("yesterday"), None);
        assert_eq!(rfc3339("2024-05-01 25:00"), None);
    }

    #[test]
    fn header_keys_match_across_spellings() {
        assert_eq!(
            header_key("Platform order no."),
            header_key("platformOrderNo")
        );
        assert_eq!(header_key(" 平台订单号* "), "平台订单号");
        assert_eq!(header_key("Battery energy (Wh)"), "batteryenergywh");
    }
}
