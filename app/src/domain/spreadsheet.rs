//! Text bound for a spreadsheet. A cell that starts with `=`, `+`, `-` or `@` is a formula to
//! Excel and LibreOffice, so an exported summary such as `=HYPERLINK(…)` typed into a category
//! name would run when an admin opens the export. Such cells get a leading apostrophe, which
//! spreadsheets read as "this is text" (the OWASP advice for CSV injection).

use std::borrow::Cow;

pub fn inert(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn formulas_become_text_and_the_rest_is_untouched() {
        assert_eq!(inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("+254 712"), "'+254 712");
        assert_eq!(inert("-1"), "'-1");
        assert_eq!(inert("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(inert("Phones → Simu"), "Phones → Simu");
        assert_eq!(inert(""), "");
    }
}
