//! Types the cart server functions send and receive, compiled for both the server and the
//! browser. The data layer fills them; pages render them.

use crate::domain::cart::LineIssue;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct CartLineRow {
    pub variant_id: Uuid,
    pub quantity: i32,
    pub price_when_added: Decimal,
    pub saved: bool,
    pub price_now: Decimal,
    pub currency: String,
    pub stock: i32,
    pub sku: String,
    pub options: String,
    pub title: String,
    pub slug: String,
    pub for_sale: bool,
    pub vendor_id: Uuid,
    pub vendor_name: String,
    pub vendor_slug: String,
    pub category_id: Uuid,
    pub cover: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CartLine {
    pub row: CartLineRow,
    pub issue: Option<LineIssue>,
    /// Current price × quantity.
    pub total: Decimal,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VendorGroup {
    pub vendor_id: Uuid,
    pub vendor_name: String,
    pub vendor_slug: String,
    pub lines: Vec<CartLine>,
    pub subtotal: Decimal,
    /// How the shop delivers (filled in for the cart page; chosen at checkout).
    pub delivery: Option<DeliveryOffer>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CartView {
    pub groups: Vec<VendorGroup>,
    pub saved: Vec<CartLine>,
    /// The grand total of lines without issues that stop a purchase, per currency code.
    pub totals: Vec<(String, Decimal)>,
    pub units: i64,
}

impl CartView {
    /// Builds the cart page's view from its rows: lines re-checked, grouped by shop, totalled.
    pub fn from_lines(rows: Vec<CartLineRow>) -> CartView {
        use crate::domain::cart::line_issue;
        let mut view = CartView::default();
        for row in rows {
            let issue = line_issue(
                row.for_sale,
                row.stock,
                row.quantity,
                row.price_when_added,
                row.price_now,
            );
            let total = row.price_now * Decimal::from(row.quantity);
            let line = CartLine { issue, total, row };
            if line.row.saved {
                view.saved.push(line);
                continue;
            }
            let buyable = !matches!(
                line.issue,
                Some(LineIssue::Withdrawn | LineIssue::OutOfStock)
            );
            if buyable {
                view.units += i64::from(line.row.quantity);
                match view
                    .totals
                    .iter_mut()
                    .find(|(c, _)| *c == line.row.currency)
                {
                    Some((_, sum)) => *sum += total,
                    None => view.totals.push((line.row.currency.clone(), total)),
                }
            }
            match view.groups.last_mut() {
                Some(g) if g.vendor_slug == line.row.vendor_slug => {
                    if buyable {
                        g.subtotal += total;
                    }
                    g.lines.push(line);
                }
                _ => view.groups.push(VendorGroup {
                    vendor_id: line.row.vendor_id,
                    vendor_name: line.row.vendor_name.clone(),
                    vendor_slug: line.row.vendor_slug.clone(),
                    subtotal: if buyable { total } else { Decimal::ZERO },
                    lines: vec![line],
                    delivery: None,
                }),
            }
        }
        view
    }
}

/// How a shop gets its part to the shopper, and whether it takes cash.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeliveryOffer {
    pub vendor_id: Uuid,
    pub terms: crate::domain::pricing::DeliveryTerms,
}
