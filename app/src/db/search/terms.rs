//! Typed words against the vocabulary of approved listings (`search_words`): known words stay,
//! a last word still being typed stands for its most common completions, other unknown words
//! become their nearest known word. Each word also carries how many listings hold it, which
//! chooses how relevance pages are read (`relevance`).

use sqlx::PgPool;
use uuid::Uuid;

/// Trigram similarity below which a word is not taken as a typo of a known word.
const MIN_SIMILARITY: f32 = 0.3;

/// Known words a prefix stands for: the most common completions, as many as the suggestions
/// show.
pub const COMPLETIONS: i64 = 8;

/// How each typed word is matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedTerm {
    pub word: String,
    /// For a last word still being typed: the known words it completes to (it matches any of
    /// them). Exact words, so the text index looks up each one instead of collecting every
    /// word with that prefix.
    pub completions: Vec<String>,
    pub corrected_from: Option<String>,
    /// Approved listings holding the word (or any of its completions) when the vocabulary was
    /// last refreshed, anywhere and in the title; 0 for a word nobody uses.
    pub ndoc: i64,
    pub ntitle: i64,
}

impl ResolvedTerm {
    /// The words any of which matches: its completions while it is being typed, else itself.
    pub fn alternatives(&self) -> &[String] {
        match self.completions.as_slice() {
            [] => std::slice::from_ref(&self.word),
            words => words,
        }
    }
}

/// The known words starting with `prefix`, most common first: a range on the vocabulary's
/// `text_pattern_ops` index (byte order, so `prefix || U+10FFFF` bounds every completion).
const COMPLETIONS_SQL: &str = "select word from search_words
     where word ~>=~ $1 and word ~<~ ($1 || chr(1114111))
     order by ndoc desc, word limit $2";

/// Listings holding a word: anywhere, and in the title.
type Counts = (Option<i64>, Option<i64>);

/// A typed word as the vocabulary sees it: (word, its counts if known, completions and their
/// counts, nearest known word and its counts).
type WordRow = (
    String,
    Option<i64>,
    Option<i64>,
    Option<Vec<String>>,
    Option<i64>,
    Option<i64>,
    Option<String>,
    Option<i64>,
    Option<i64>,
);

/// One statement for all the words; the completions are looked up only for an unknown last
/// word, and the trigram search only for words that are neither known nor completable.
pub async fn resolve_terms(
    pool: &PgPool,
    terms: &[String],
) -> Result<Vec<ResolvedTerm>, sqlx::Error> {
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<WordRow> = sqlx::query_as(
        "select k.term, w.ndoc::int8, w.ntitle::int8, c.words, c.ndoc, c.ntitle,
                n.word, n.ndoc, n.ntitle
         from (select t.term, t.ord from unnest($1::text[]) with ordinality as t(term, ord)) k
         left join search_words w on w.word = k.term
         left join lateral (
             select array_agg(x.word order by x.ndoc desc, x.word) as words,
                    sum(x.ndoc)::int8 as ndoc, sum(x.ntitle)::int8 as ntitle
             from (select word, ndoc, ntitle from search_words
                    where w.word is null and k.ord = cardinality($1::text[])
                      and word ~>=~ k.term and word ~<~ (k.term || chr(1114111))
                    order by ndoc desc, word limit $3) x
             having count(*) > 0) c on true
         left join lateral (
             select s.word, s.ndoc::int8 as ndoc, s.ntitle::int8 as ntitle from search_words s
              where w.word is null and c.words is null
                and s.word % k.term and similarity(s.word, k.term) >= $2
              order by similarity(s.word, k.term) desc, s.ndoc desc limit 1) n on true
         order by k.ord",
    )
    .bind(terms)
    .bind(MIN_SIMILARITY)
    .bind(COMPLETIONS)
    // On the search pool its generic plan is made once (`super::pool`); left to choose,
    // PostgreSQL planned it for every call, 0.38 ms a search for a 0.06 ms lookup.
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(term, ndoc, ntitle, words, c_ndoc, c_ntitle, near, n_ndoc, n_ntitle)| {
                let term_with =
                    |word: String, corrected_from, (ndoc, ntitle): Counts| ResolvedTerm {
                        word,
                        completions: Vec::new(),
                        corrected_from,
                        ndoc: ndoc.unwrap_or_default(),
                        ntitle: ntitle.unwrap_or_default(),
                    };
                match (ndoc, words, near) {
                    (Some(_), _, _) => term_with(term, None, (ndoc, ntitle)),
                    (None, Some(words), _) => ResolvedTerm {
                        completions: words,
                        ..term_with(term, None, (c_ndoc, c_ntitle))
                    },
                    (None, None, Some(near)) => term_with(near, Some(term), (n_ndoc, n_ntitle)),
                    (None, None, None) => term_with(term, None, (None, None)),
                }
            },
        )
        .collect())
}

/// Whether one category holds every word (each word, or any of its completions, in some
/// listing of it; within `within` when the search is limited to categories). A listing has
/// one category, so when none does, no listing has every word, and the text index need not be
/// read to know it (`search_word_categories` in the migrations: a superset, kept at commit).
pub async fn share_a_category(
    pool: &PgPool,
    terms: &[ResolvedTerm],
    within: Option<&[Uuid]>,
) -> Result<bool, sqlx::Error> {
    let (mut words, mut positions) = (Vec::new(), Vec::new());
    for (i, t) in terms.iter().enumerate() {
        for w in t.alternatives() {
            words.push(w.clone());
            positions.push(i as i32);
        }
    }
    sqlx::query_scalar(
        "select exists (
             select 1 from search_word_categories w
             join unnest($1::text[], $2::int4[]) t(word, pos) on t.word = w.word
             where $4::uuid[] is null or w.category_id = any($4::uuid[])
             group by w.category_id having count(distinct t.pos) = $3)",
    )
    .bind(words)
    .bind(positions)
    .bind(terms.len() as i64)
    .bind(within)
    .fetch_one(pool)
    .await
}

/// About how many listings match: every word (the rarest word's count, an upper bound) or
/// any of them (the sum); in the whole document, or only in titles.
pub fn estimated_matches(terms: &[ResolvedTerm], any: bool, in_title: bool) -> i64 {
    let counts = terms
        .iter()
        .map(|t| if in_title { t.ntitle } else { t.ndoc });
    if any {
        counts.sum()
    } else {
        counts.min().unwrap_or_default()
    }
}

/// `to_tsquery` text. Words are letters and digits only (see `domain::search::terms`), so
/// nothing a shopper types can inject tsquery operators. `weight` limits matches to a field.
pub fn tsquery(terms: &[ResolvedTerm], weight: Option<char>, any: bool) -> String {
    compose(terms, any, |word| match weight {
        Some(w) => format!("{word}:{w}"),
        None => word.to_owned(),
    })
}

/// Stands for the price band in `banded` query text.
pub const BAND: char = '\u{1}';

/// Query text for the price-band index (`price_words` in the migrations): each word as the
/// quoted lexeme `'word~<BAND>'`, to be cast with `::tsquery` (no parser, so the `~` and the
/// band number stay inside one lexeme) after `BAND` is replaced by a band number. A control
/// character never occurs in a lexeme, so the replacement touches nothing else.
pub fn banded(terms: &[ResolvedTerm], any: bool) -> String {
    compose(terms, any, |word| format!("'{}~{BAND}'", quoted(word)))
}

/// Query text for the category-qualified index (`category_words` in the migrations): each word
/// as the quoted lexemes `'word~<category id>'`, one for each category, any of which may hold
/// it; to be cast with `::tsquery`. A listing has one category, so "every word" still means
/// every word within the same listing's category. None without categories (nothing matches).
pub fn in_categories(terms: &[ResolvedTerm], any: bool, categories: &[Uuid]) -> Option<String> {
    (!categories.is_empty()).then(|| {
        compose(terms, any, |word| {
            let word = quoted(word);
            let each: Vec<String> = categories.iter().map(|c| format!("'{word}~{c}'")).collect();
            format!("({})", each.join(" | "))
        })
    })
}

/// A word for the inside of a quoted tsquery lexeme.
fn quoted(word: &str) -> String {
    word.replace('\\', "\\\\").replace('\'', "''")
}

/// The words joined by `&` (all) or `|` (any), a word being typed as its completions in
/// parentheses; `lexeme` writes each word.
fn compose(terms: &[ResolvedTerm], any: bool, lexeme: impl Fn(&str) -> String) -> String {
    let op = if any { " | " } else { " & " };
    terms
        .iter()
        .map(|t| match t.completions.as_slice() {
            [] => lexeme(&t.word),
            words => format!(
                "({})",
                words
                    .iter()
                    .map(|w| lexeme(w))
                    .collect::<Vec<_>>()
                    .join(" | ")
            ),
        })
        .collect::<Vec<_>>()
        .join(op)
}

/// Prefix suggestions for the header search box: known words starting with what was typed,
/// most common first.
pub async fn suggest(pool: &PgPool, prefix: &str) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(COMPLETIONS_SQL)
        .bind(prefix)
        .bind(COMPLETIONS)
        .fetch_all(pool)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(word: &str, completions: &[&str], ndoc: i64) -> ResolvedTerm {
        ResolvedTerm {
            word: word.into(),
            completions: completions.iter().map(|c| (*c).to_owned()).collect(),
            corrected_from: None,
            ndoc,
            ntitle: ndoc / 2,
        }
    }

    #[test]
    fn tsquery_text() {
        assert_eq!(
            tsquery(&[t("unga", &[], 1), t("ngano", &[], 1)], None, false),
            "unga & ngano"
        );
        assert_eq!(
            tsquery(&[t("sams", &["samsung", "samsonite"], 1)], None, false),
            "(samsung | samsonite)"
        );
        assert_eq!(
            tsquery(
                &[t("samsung", &[], 1), t("tv", &["tv", "tvs"], 1)],
                Some('A'),
                false
            ),
            "samsung:A & (tv:A | tvs:A)"
        );
        assert_eq!(
            tsquery(&[t("a", &[], 1), t("b", &[], 1)], None, true),
            "a | b"
        );
    }

    #[test]
    fn banded_text_quotes_each_word_with_the_band_mark() {
        assert_eq!(
            banded(
                &[t("unga", &[], 1), t("ng", &["ngano", "ng'ombe"], 1)],
                false
            ),
            "'unga~\u{1}' & ('ngano~\u{1}' | 'ng''ombe~\u{1}')"
        );
        assert_eq!(
            banded(&[t("a", &[], 1), t("b\\", &[], 1)], true),
            "'a~\u{1}' | 'b\\\\~\u{1}'"
        );
    }

    #[test]
    fn category_text_files_each_word_under_every_category() {
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        assert_eq!(
            in_categories(
                &[t("solar", &[], 1), t("ng", &["ng'ombe"], 1)],
                false,
                &[a, b]
            ),
            Some(format!(
                "('solar~{a}' | 'solar~{b}') & (('ng''ombe~{a}' | 'ng''ombe~{b}'))"
            ))
        );
        assert_eq!(
            in_categories(&[t("a", &[], 1), t("b", &[], 1)], true, &[a]),
            Some(format!("('a~{a}') | ('b~{a}')"))
        );
        assert_eq!(in_categories(&[t("a", &[], 1)], false, &[]), None);
    }

    #[test]
    fn every_word_is_bounded_by_the_rarest_and_any_word_by_the_sum() {
        let terms = [t("unga", &[], 900), t("ngano", &[], 40), t("x", &[], 0)];
        assert_eq!(estimated_matches(&terms[..2], false, false), 40);
        assert_eq!(estimated_matches(&terms[..2], false, true), 20);
        assert_eq!(estimated_matches(&terms, false, false), 0);
        assert_eq!(estimated_matches(&terms, true, false), 940);
        assert_eq!(estimated_matches(&terms, true, true), 470);
        assert_eq!(estimated_matches(&[], false, false), 0);
    }
}
