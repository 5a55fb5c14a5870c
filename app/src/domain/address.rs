//! Where an order goes: the delivery address and the phone the shop calls (and M-Pesa asks).

use crate::domain::text::bounded;
use crate::domain::{Invalid, Phone};

/// A checked delivery address. Fields are trimmed and bounded; the phone is normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    pub county: String,
    pub town: String,
    pub street: String,
    pub phone: Phone,
}

impl Address {
    /// Checks the checkout form's address fields; the error names the first bad field.
    pub fn parse(
        county: &str,
        town: &str,
        street: &str,
        phone: &str,
    ) -> Result<Address, (&'static str, Invalid)> {
        Ok(Address {
            county: bounded(county, 2, 40, false).map_err(|w| ("county", w))?,
            town: bounded(town, 2, 60, false).map_err(|w| ("town", w))?,
            street: bounded(street, 2, 200, false).map_err(|w| ("street", w))?,
            phone: Phone::parse(phone).map_err(|w| ("phone", w))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_trims_and_names_the_bad_field() {
        let a = Address::parse(" Nairobi ", "Westlands", "Ring Rd 4", "0712345678").expect("valid");
        assert_eq!(a.county, "Nairobi");
        assert_eq!(a.phone, Phone::parse("+254712345678").expect("phone"));
        assert_eq!(
            Address::parse("N", "Westlands", "Ring Rd", "0712345678"),
            Err(("county", Invalid::TooShort { min: 2 }))
        );
        assert_eq!(
            Address::parse("Nairobi", "", "Ring Rd", "0712345678"),
            Err(("town", Invalid::Required))
        );
        assert_eq!(
            Address::parse("Nairobi", "Westlands", &"x".repeat(201), "0712345678"),
            Err(("street", Invalid::TooLong { max: 200 }))
        );
        assert!(matches!(
            Address::parse("Nairobi", "Westlands", "Ring Rd", "12"),
            Err(("phone", _))
        ));
    }
}
