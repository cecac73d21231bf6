//! Turning the bytes of a saved page into text.
//!
//! Order of trust: a byte-order mark, then a `<meta charset>` / `http-equiv` declaration in
//! the first bytes of the page, then statistical detection. A declaration is overruled when
//! the bytes contradict it: a page declared `utf-8` that is not valid UTF-8 is re-detected,
//! and a page declared latin-1 / windows-1252 whose bytes are valid, non-ASCII UTF-8 is read
//! as UTF-8 (the commonest mislabelling on news sites). Decoding never fails: malformed
//! sequences become U+FFFD.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page a charset declaration is looked for (the HTML standard says 1024
/// bytes; real pages put long `<head>` scripts first, so this looks further).
const DECLARATION_SCAN_BYTES: usize = 8192;

/// Decodes page bytes to text, choosing the encoding as the module docs describe.
pub fn decode_html(bytes: &[u8]) -> String {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return text.into_owned();
    }
    let encoding = choose_encoding(bytes);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    text.into_owned()
}

fn choose_encoding(bytes: &[u8]) -> &'static Encoding {
    let is_valid_utf8 = std::str::from_utf8(bytes).is_ok();
    match declared_encoding(bytes) {
        // UTF-16 declared inside an ASCII-compatible document is always a lie (the
        // standard says to treat it as UTF-8).
        Some(declared) if declared == encoding_rs::UTF_16LE || declared == encoding_rs::UTF_16BE => {
            if is_valid_utf8 {
                UTF_8
            } else {
                detect_encoding(bytes)
            }
        }
        Some(declared) if declared == UTF_8 => {
            if is_valid_utf8 {
                UTF_8
            } else {
                detect_encoding(bytes)
            }
        }
        Some(declared) if declared == WINDOWS_1252 && is_valid_utf8 && !bytes.is_ascii() => UTF_8,
        Some(declared) => declared,
        None if is_valid_utf8 => UTF_8,
        None => detect_encoding(bytes),
    }
}

/// Mozilla's detector (the one Firefox uses for undeclared pages); it tells windows-1251
/// from windows-1252 and the East Asian encodings well on a few hundred bytes.
fn detect_encoding(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// The encoding named by a `charset=` in the page's first bytes, if it names a known one.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(DECLARATION_SCAN_BYTES)];
    let lowered: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut search_from = 0;
    while let Some(found) = find_bytes(&lowered[search_from..], b"charset") {
        let after_keyword = search_from + found + b"charset".len();
        search_from = after_keyword;
        if !is_inside_meta_tag(&lowered, after_keyword) {
            continue;
        }
        if let Some(label) = label_after_keyword(&lowered[after_keyword..])
            && let Some(encoding) = Encoding::for_label(label)
        {
            return Some(encoding);
        }
    }
    None
}

/// True when the nearest `<` before `position` opens a `<meta` tag, so that a "charset"
/// inside a script or visible text is ignored.
fn is_inside_meta_tag(lowered: &[u8], position: usize) -> bool {
    let before = &lowered[..position];
    match before.iter().rposition(|&byte| byte == b'<') {
        Some(open) => before[open..].starts_with(b"<meta") && !before[open..].contains(&b'>'),
        None => false,
    }
}

/// Reads the label in `charset = "label"` / `charset=label;`.
fn label_after_keyword(rest: &[u8]) -> Option<&[u8]> {
    let mut index = 0;
    while index < rest.len() && rest[index].is_ascii_whitespace() {
        index += 1;
    }
    if rest.get(index) != Some(&b'=') {
        return None;
    }
    index += 1;
    while index < rest.len() && (rest[index].is_ascii_whitespace() || rest[index] == b'"' || rest[index] == b'\'') {
        index += 1;
    }
    let start = index;
    while index < rest.len()
        && (rest[index].is_ascii_alphanumeric() || matches!(rest[index], b'-' | b'_' | b':' | b'.'))
    {
        index += 1;
    }
    (index > start).then(|| &rest[start..index])
}

pub(crate) fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honours_a_byte_order_mark() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<p>Kyiv talks</p>".as_bytes());
        assert_eq!(decode_html(&bytes), "<p>Kyiv talks</p>");
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("<p>Ok</p>".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode_html(&utf16), "<p>Ok</p>");
    }

    #[test]
    fn honours_a_meta_charset_declaration() {
        let (encoded, _, _) = encoding_rs::WINDOWS_1251.encode("<meta charset=\"windows-1251\"><p>Москва заявила</p>");
        assert!(decode_html(&encoded).contains("Москва заявила"));
        let (encoded, _, _) = encoding_rs::WINDOWS_1252
            .encode("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>Café crème</p>");
        assert!(decode_html(&encoded).contains("Café crème"));
    }

    #[test]
    fn reads_utf8_mislabelled_as_latin1_as_utf8() {
        let page = "<meta charset=\"iso-8859-1\"><p>Zürich, Kraków and São Paulo</p>";
        assert!(decode_html(page.as_bytes()).contains("Zürich, Kraków and São Paulo"));
    }

    #[test]
    fn detects_undeclared_cyrillic_and_western_pages() {
        let russian = "<p>Министр иностранных дел России заявил во вторник, что переговоры продолжатся на следующей неделе в Женеве.</p>";
        let (encoded, _, _) = encoding_rs::WINDOWS_1251.encode(russian);
        assert_eq!(decode_html(&encoded), russian);
        let french =
            "<p>Le ministre des Affaires étrangères a déclaré mardi que les négociations reprendraient à Genève.</p>";
        let (encoded, _, _) = encoding_rs::WINDOWS_1252.encode(french);
        assert_eq!(decode_html(&encoded), french);
    }

    #[test]
    fn utf8_declared_but_not_utf8_is_redetected() {
        let russian = "<meta charset=utf-8><p>Президент подписал указ о помиловании в понедельник вечером.</p>";
        let (encoded, _, _) = encoding_rs::WINDOWS_1251.encode(russian);
        assert_eq!(decode_html(&encoded), russian);
    }

    #[test]
    fn ignores_charset_outside_meta_tags() {
        let page = "<script>var charset = 'koi8-r';</script><p>Plain text</p>";
        assert_eq!(decode_html(page.as_bytes()), page);
    }
}
