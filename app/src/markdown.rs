//! Listing descriptions: plain text or a small Markdown subset (paragraphs, emphasis, lists,
//! headings, links). Sellers' raw HTML is shown as text, and the result passes through
//! ammonia's allow-list, so nothing a seller writes can run script or restyle the page.

use pulldown_cmark::{Event, Parser, html};
use std::collections::HashSet;

pub fn to_safe_html(source: &str) -> String {
    // Raw HTML in the source becomes visible text instead of markup.
    let events = Parser::new(source).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, events);
    let tags: HashSet<&str> = [
        "p",
        "br",
        "em",
        "strong",
        "ul",
        "ol",
        "li",
        "h3",
        "h4",
        "a",
        "code",
        "blockquote",
    ]
    .into_iter()
    .collect();
    ammonia::Builder::default()
        .tags(tags)
        .url_schemes(["http", "https"].into_iter().collect())
        .link_rel(Some("nofollow noopener ugc"))
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::to_safe_html;

    #[test]
    fn markdown_subset_renders() {
        let html = to_safe_html("**Fresh** greens\n\n- sukuma\n- spinach");
        assert!(html.contains("<strong>Fresh</strong>"));
        assert!(html.contains("<li>sukuma</li>"));
    }

    #[test]
    fn no_html_injection() {
        let html = to_safe_html("<script>alert(1)</script> <img src=x onerror=alert(1)>");
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;"));
        let link = to_safe_html("[win](javascript:alert(1)) [ok](https://sokoni.co.ke)");
        assert!(!link.contains("javascript:"), "{link}");
        assert!(link.contains("rel=\"nofollow noopener ugc\""));
        let heading = to_safe_html("# Big");
        assert!(!heading.contains("<h1"));
    }
}
